// What a request's reads must see when reads go to replicas (lib/db/read-routing.ts): its floor, a WAL position.
// A request's own writes raise it; so does a version it reads (what is read under a version is at least as new);
// a session that has just written carries its last commit's position in a cookie, so its next requests, on any
// app instance, read from the primary until a replica has replayed that write; the page proxy passes the floor
// of the version a page is kept under to the render in a header. The context of a request is found through
// Next.js (its request headers object, one per request) or, outside one (the proxy, scripts), set explicitly.
import { formatLsn, parseLsn, withReadContext, type ReadContext } from "./db/read-routing.ts";

/** Set on a response that wrote: the commit's WAL position, for the session's next requests. */
export const READ_AFTER_COOKIE = "ftz-read-after";
/** How long the cookie asks for reads at least that new: far longer than a healthy replica lags. */
export const READ_AFTER_MAX_AGE_S = 300;
/** Sent by the page proxy with a render: the version's position. */
export const READ_FLOOR_HEADER = "x-ftz-read-floor";

// On globalThis: the proxy, the start-up and the pages are bundled apart but run in one process.
const holder = globalThis as typeof globalThis & { ftzRequestReads?: WeakMap<object, ReadContext> };
const byRequest = (holder.ftzRequestReads ??= new WeakMap<object, ReadContext>());

/** A floor no replica reaches: what is read under it comes from the primary (unless the primary is away). */
export const PRIMARY_FLOOR = "FFFFFFFF/FFFFFFFF";

/** The higher of two WAL positions written as text (`0/3016060`); undefined when neither is one. */
export function laterPosition(a: string | undefined, b: string | undefined): string | undefined {
  const floor = parseLsn(a) > parseLsn(b) ? parseLsn(a) : parseLsn(b);
  return floor > 0n ? formatLsn(floor) : undefined;
}

const COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${READ_AFTER_COOKIE}=([^;]*)`);

/** A cookie header's read-after position (as set: `0%2F3016060`, or plain), or undefined. */
export function readAfterOf(cookieHeader: string | null | undefined): string | undefined {
  const raw = COOKIE_PATTERN.exec(cookieHeader ?? "")?.[1]?.trim() ?? "";
  const value = raw.replace(/%2F/gi, "/");
  return /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(value) ? value : undefined;
}

/** Runs `fn` with reads that must see at least `floor`; answers what it returned and the floor it ended with. */
export async function withReadFloor<T>(floor: string | undefined, fn: () => Promise<T>): Promise<{ value: T; floor: string | undefined }> {
  const { value, context } = await withReadContext(parseLsn(floor), fn);
  return { value, floor: context.floor > 0n ? formatLsn(context.floor) : undefined };
}

type NextHeaders = { get(name: string): string | null };
type NextCookies = { set(name: string, value: string, options: Record<string, unknown>): unknown };
type NextRequestScope = { headers: () => Promise<NextHeaders>; cookies: () => Promise<NextCookies> };

let nextScope: Promise<NextRequestScope | undefined> | undefined;
function requestScope(): Promise<NextRequestScope | undefined> {
  nextScope ??= import("next/headers").then(
    (module) => module as unknown as NextRequestScope,
    () => undefined,
  );
  return nextScope;
}

/** The current Next.js request's read context (one per request); undefined outside a request. */
export async function currentReadContext(): Promise<ReadContext | undefined> {
  const scope = await requestScope();
  let headers: NextHeaders;
  try {
    headers = (await scope?.headers()) as NextHeaders;
  } catch {
    return undefined; // Not in a request (start-up, a background refresh): this instance's own writes still count.
  }
  if (!headers) return undefined;
  let context = byRequest.get(headers);
  if (!context) {
    context = { floor: parseLsn(laterPosition(readAfterOf(headers.get("cookie")), headers.get(READ_FLOOR_HEADER) ?? undefined)) };
    byRequest.set(headers, context);
  }
  return context;
}

/** After a commit: the session's next requests (on any instance) read at least this new (where a cookie can be set). */
export async function passWriteToSession(lsn: bigint, context: ReadContext | undefined): Promise<void> {
  const scope = await requestScope();
  const floor = context?.floor !== undefined && context.floor > lsn ? context.floor : lsn;
  try {
    const cookies = await scope?.cookies();
    // Route handlers and server actions may set cookies; pages may not (they do not write), which is fine.
    cookies?.set(READ_AFTER_COOKIE, formatLsn(floor), { path: "/", httpOnly: true, sameSite: "lax", maxAge: READ_AFTER_MAX_AGE_S });
  } catch {
    /* not in a request that can set cookies */
  }
}
