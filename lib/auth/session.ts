// Admin credentials: the token from FTZ_ADMIN_TOKEN (compared in constant time) and a signed session
// cookie for the pages. The cookie's key is derived from the token, so changing the token signs
// everyone out. Pure apart from node:crypto; the clock comes in as an argument.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "ftz-admin";
export const SESSION_DAYS = 7;

export type AdminSession = { actor: string; expiresAt: number };

/** What the sign-in form shows after a failed attempt. */
export type SignInState = { error?: "wrong_token" | "not_configured" | "too_many_attempts"; retryAfterSeconds?: number };

/**
 * Where to go after signing in: only a path of this site. Browsers read `/\evil.example` and a path with
 * a tab or newline (`/\t/evil.example`) as another host, so anything but a plain absolute path — one
 * slash, then no slash, backslash or control character at its start, and nothing a URL parser
 * would move to another origin — goes to the import page.
 */
export function safeRedirectPath(value: unknown, fallback = "/import"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//")) return fallback;
  try {
    const base = "http://ftz-monitor.invalid";
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

const digest = (text: string) => createHash("sha256").update(text).digest();

export function isAdminToken(given: string | null | undefined, configured: string): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(configured));
}

function sign(payload: string, adminToken: string): string {
  return createHmac("sha256", digest(`ftz-monitor session key\u0000${adminToken}`))
    .update(payload)
    .digest("base64url");
}

export function createSession(actor: string, adminToken: string, now: number): { value: string; session: AdminSession } {
  const session: AdminSession = { actor: actor.trim().slice(0, 80) || "admin", expiresAt: now + SESSION_DAYS * 86_400_000 };
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return { value: `${payload}.${sign(payload, adminToken)}`, session };
}

export function readSession(value: string | undefined, adminToken: string, now: number): AdminSession | undefined {
  if (!value) return undefined;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, adminToken));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as AdminSession;
    if (typeof session.actor !== "string" || typeof session.expiresAt !== "number" || session.expiresAt <= now) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

/** Whether a cookie may be marked Secure: over HTTPS, and on loopback where browsers accept it over HTTP. */
export function canUseSecureCookie(protocol: string, host: string): boolean {
  const hostname = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return protocol === "https" || hostname === "localhost" || hostname === "127.0.0.1" || hostname === "::1";
}
