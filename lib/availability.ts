// Whether the database is reachable, as far as this process knows: set when a request fails because
// the connection failed, cleared when a probe gets through. The proxy (proxy.ts) answers page
// requests with a 503 while it is down, probing at most once a second, so pages recover by themselves.
// Kept on globalThis: the proxy and the pages are bundled apart but run in the same process.

type Probe = () => Promise<string | undefined>;
type State = {
  down: { reason: string; since: number } | undefined;
  probe: Probe | undefined;
  /** Whether reads are still served elsewhere (a read replica) when the primary fails: then pages keep working. */
  readsElsewhere?: () => boolean;
  probing: Promise<void> | undefined;
  probedAt: number;
};

const holder = globalThis as typeof globalThis & { ftzAvailability?: State };
const state: State = (holder.ftzAvailability ??= { down: undefined, probe: undefined, probing: undefined, probedAt: 0 });

/** How often a down database is tried again, at most. */
export const PROBE_INTERVAL_MS = 1000;

export function markUnavailable(reason: string, now = Date.now()): void {
  // Writes fail (and answer 503 by themselves); reads, and so pages, go on from the replicas.
  if (state.readsElsewhere?.()) return;
  if (!state.down) console.error(`ftz-monitor: the database is unavailable (${reason}); answering 503 until it is back`);
  state.down = { reason, since: state.down?.since ?? now };
}

export function markAvailable(): void {
  if (state.down) console.log(`ftz-monitor: the database is back after ${Math.round((Date.now() - state.down.since) / 1000)} s`);
  state.down = undefined;
}

/** How to tell that reads still work while the primary is away (lib/bootstrap.ts: a healthy read replica). */
export function setReadFallback(readsElsewhere: () => boolean): void {
  state.readsElsewhere = readsElsewhere;
}

/** How to find out whether the database answers again: resolves to a reason while it does not. */
export function setAvailabilityProbe(probe: Probe): void {
  state.probe = probe;
}

/**
 * The reason the database is unavailable, or undefined when it is (as far as known) available. While it
 * is down — and with `watch` also while it is up — probes it first, at most once per PROBE_INTERVAL_MS,
 * sharing one probe among requests: the proxy watches, so even the first page of an outage is a 503.
 */
export async function currentOutage(now = Date.now(), watch = false): Promise<string | undefined> {
  if (!state.down && !watch) return undefined;
  if (state.probe && !state.probing && now - state.probedAt >= PROBE_INTERVAL_MS) {
    state.probedAt = now;
    const probe = state.probe;
    state.probing = probe()
      .then((reason) => (reason ? markUnavailable(reason) : markAvailable()))
      .catch(() => undefined)
      .finally(() => (state.probing = undefined));
  }
  if (state.probing) await state.probing;
  return state.down?.reason;
}
