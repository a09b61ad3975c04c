// Runs before every page. While the database is unavailable (lib/availability.ts), a page request gets
// the friendly error page as a 503 with Retry-After and the plain reason, not a 500 after a wait. The
// database is probed at most once a second (up or down), so an outage is seen before a page fails, and
// pages come back by themselves.
// Otherwise a public page is answered from memory when the version of what it shows has not changed since
// it was rendered (lib/page-cache.ts), as the gzip copy made once at render for readers who accept it. A missing page is rendered by asking this server for it over loopback,
// with a per-process secret header that lets that request through to the page, and kept for the next visitor.
import { NextResponse, type NextRequest } from "next/server";
import { currentOutage } from "./lib/availability";
import { RETRY_AFTER_SECONDS } from "./lib/errors";
import { unavailablePage } from "./lib/i18n/error-words";
import { gzipSync } from "node:zlib";
import {
  acceptsGzip,
  CACHE_HEADER,
  ENCODED_HEADER,
  isKeepable,
  localeOfKey,
  pageCacheKey,
  pageCacheState,
  RENDER_HEADER,
  serverSendsEncoded,
  type KeptPage,
} from "./lib/page-cache";
import { READ_FLOOR_HEADER, readAfterOf } from "./lib/read-context";

/** How long a render through loopback may take before the request is rendered by itself instead. */
const RENDER_TIMEOUT_MS = 30_000;
// Headers of a render that describe this one transfer, not the page: never replayed.
const TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date"]);

export async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  const reason = await currentOutage(Date.now(), true);
  if (reason) {
    const locale = request.cookies.get("ftz-lang")?.value === "zh" ? "zh" : "en";
    const url = request.nextUrl;
    return new NextResponse(unavailablePage(locale, reason, `${url.pathname}${url.search}`), {
      status: 503,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
    });
  }
  return (await fromPageCache(request)) ?? NextResponse.next();
}

async function fromPageCache(request: NextRequest): Promise<Response | undefined> {
  if (process.env.NODE_ENV !== "production") return undefined;
  const state = pageCacheState();
  if (!state.readVersion || request.headers.get(RENDER_HEADER) === state.secret) return undefined;
  let version: string;
  let floor: string | undefined;
  try {
    // A session that has just written (its cookie) reads a version that has its write; with read replicas the
    // version says where it was read, and the page kept under it is rendered with reads at least that new.
    ({ version, floor } = await state.readVersion(readAfterOf(request.headers.get("cookie"))));
  } catch {
    return undefined; // The page itself meets the failure and answers as it does without the cache.
  }
  const key = pageCacheKey(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      header: (name) => request.headers.get(name),
      cookie: (name) => request.cookies.get(name)?.value,
    },
    version,
  );
  if (!key) return undefined;
  state.store.useVersion(version);
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const { page, hit } = await state.store.fill(key, version, () => render(path, localeOfKey(key), state.secret, floor));
  if (!page?.keepable) return undefined;
  const headers = new Headers(page.headers);
  headers.set(CACHE_HEADER, hit ? "hit" : "miss");
  if (!/\baccept-encoding\b/i.test(headers.get("vary") ?? "")) headers.append("vary", "accept-encoding");
  // The gzip copy made at render, when the server sends it as it is (scripts/serve.mjs); otherwise the server's
  // own compression compresses the body for this answer, as it does every rendered page.
  if (serverSendsEncoded() && acceptsGzip(request.headers.get("accept-encoding"))) {
    headers.set(ENCODED_HEADER, "gzip");
    return new Response(page.gzip, { status: 200, headers });
  }
  return new Response(page.body, { status: 200, headers });
}

/** The page as this server renders it for an anonymous reader in `locale`; undefined when it could not be asked. */
async function render(path: string, locale: string, secret: string, floor: string | undefined): Promise<KeptPage | undefined> {
  const port = process.env.PORT || "3000";
  const asked: Record<string, string> = {
    [RENDER_HEADER]: secret,
    cookie: `ftz-lang=${locale}`,
    accept: "text/html",
    "accept-encoding": "identity",
  };
  if (floor) asked[READ_FLOOR_HEADER] = floor;
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: asked,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    if (!isKeepable(response.status, response.headers)) return { keepable: false };
    const headers = [...response.headers].filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()));
    return { keepable: true, headers, body, gzip: new Uint8Array(gzipSync(body)) };
  } catch (error) {
    console.error(`ftz-monitor: rendering ${path} for the page cache failed:`, error instanceof Error ? error.message : error);
    return undefined;
  }
}

export const config = {
  // Pages only: the API answers its own 503s in JSON; assets never touch the database.
  matcher: ["/((?!api/|_next/|favicon\\.ico|icon|robots\\.txt|.*\\.[a-zA-Z0-9]+$).*)"],
};
