// Attempts counted per client address in this process, in fixed windows: failed admin attempts (wrong
// sign-in tokens, wrong bearer tokens) and reports saved without signing in. Past the limit, the address
// is refused — a wrong token without being checked — until its window ends. A cap over all addresses
// together bounds a flood that rotates (or forges) addresses. One process only: several instances each
// count their own (README, "Beyond one machine"). Pure apart from the log line; the clock is an argument.

export type LimiterPolicy = { perAddress: number; overall: number; windowMs: number; maxAddresses: number };

export const DEFAULT_POLICY: LimiterPolicy = { perAddress: 10, overall: 300, windowMs: 5 * 60_000, maxAddresses: 10_000 };

type Window = { count: number; start: number };

export class WindowLimiter {
  private readonly addresses = new Map<string, Window>();
  private overall: Window = { count: 0, start: 0 };

  constructor(
    private readonly policy: LimiterPolicy = DEFAULT_POLICY,
    /** What is counted, for the log: "failed admin attempts". */
    private readonly what = "failed admin attempts",
  ) {}

  private current(window: Window | undefined, now: number): Window | undefined {
    return window && now - window.start < this.policy.windowMs ? window : undefined;
  }

  /** Seconds the address must wait before it may try again; 0 when it may try now. */
  retryAfter(address: string, now: number): number {
    const own = this.current(this.addresses.get(address), now);
    const overall = this.current(this.overall, now);
    const waits = [
      own && own.count >= this.policy.perAddress ? own.start + this.policy.windowMs - now : 0,
      overall && overall.count >= this.policy.overall ? overall.start + this.policy.windowMs - now : 0,
    ];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** Counts an attempt; logs when the address (or everyone) reaches the limit. */
  record(address: string, now: number): void {
    let own = this.current(this.addresses.get(address), now);
    if (!own) {
      own = { count: 0, start: now };
      this.addresses.delete(address);
      // Oldest first: a flood of addresses evicts the earliest, never grows without bound.
      if (this.addresses.size >= this.policy.maxAddresses) {
        const oldest = this.addresses.keys().next().value;
        if (oldest !== undefined) this.addresses.delete(oldest);
      }
      this.addresses.set(address, own);
    }
    own.count += 1;
    this.overall = this.current(this.overall, now) ?? { count: 0, start: now };
    this.overall.count += 1;
    const minutes = Math.round(this.policy.windowMs / 60_000);
    if (own.count === this.policy.perAddress) {
      console.warn(
        `ftz-monitor: ${own.count} ${this.what} from ${address} in ${minutes} min: refused for ${this.retryAfter(address, now)} s`,
      );
    }
    if (this.overall.count === this.policy.overall) {
      console.warn(
        `ftz-monitor: ${this.overall.count} failed admin attempts from all addresses in ${minutes} min: admin sign-in refused for everyone for now`,
      );
    }
  }

  /** The address starts afresh (a correct token). */
  forget(address: string): void {
    this.addresses.delete(address);
  }
}

/** The client's address as Next.js passes it on (X-Forwarded-For, set from the socket when absent). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

const holder = globalThis as typeof globalThis & { ftzAdminLimiter?: WindowLimiter; ftzReportLimiter?: WindowLimiter };

/** The process's limiter of failed admin attempts. */
export function adminLimiter(): WindowLimiter {
  holder.ftzAdminLimiter ??= new WindowLimiter();
  return holder.ftzAdminLimiter;
}

/** Reports saved without signing in: 10 per address and 200 in all per 10 minutes. */
export const REPORT_POLICY: LimiterPolicy = { perAddress: 10, overall: 200, windowMs: 10 * 60_000, maxAddresses: 10_000 };

/** The process's limiter of reports saved without signing in. */
export function reportLimiter(): WindowLimiter {
  holder.ftzReportLimiter ??= new WindowLimiter(REPORT_POLICY, "reports saved without signing in");
  return holder.ftzReportLimiter;
}

export function tooManyMessage(seconds: number): string {
  return `Too many failed admin attempts from this address: try again in ${seconds} s.`;
}
