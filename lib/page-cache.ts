// Whole pages kept in memory per state of the database (issue 15, point 8): a page shows what the last import,
// event, target, alert or report change left in the database, so a public page is rendered once per version of
// that state, language and URL, and served from memory until the version changes. The proxy (proxy.ts) reads the
// version from the database on every page request, so a change committed through another app instance is seen on
// the next request. What this module decides is pure (which request may be cached, under which key; which answer
// may be kept); the store is bounded in bytes, evicts the least recently used first, keeps a page at most
// PAGE_MAX_AGE_MS (what depends only on the clock, "N days old", an overdue release), and renders a missing page
// once for every request waiting on it. Kept on globalThis: the proxy and the start-up (lib/bootstrap.ts, which
// tells it how to read the version) are bundled apart but run in one process.
import { randomBytes } from "node:crypto";
import { SESSION_COOKIE } from "./auth/session.ts";
import { LOCALES } from "./domain/format.ts";

// As lib/i18n/server.ts reads it (that module needs Next's request scope, which the proxy does not have).
const LOCALE_COOKIE = "ftz-lang";

/** A kept page is rendered again after this long, whatever the version: clock-driven text is at most this old. */
export const PAGE_MAX_AGE_MS = 60_000;
/** Bytes of kept pages per process. */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** URLs longer than this are rendered, never kept: they would only crowd out the pages people open. */
export const MAX_CACHED_URL = 2048;
/** The header with which the proxy renders a missing page through the app itself; it carries a per-process secret. */
export const RENDER_HEADER = "x-ftz-page-render";
/** Tells tests and the benchmark how a page was answered: `hit` (from memory) or `miss` (rendered for this request). */
export const CACHE_HEADER = "x-ftz-cache";
/**
 * The encoding of a kept page's body as the proxy sends it. Next.js drops a `Content-Encoding` the proxy sets;
 * the production server (scripts/serve.mjs, which says so in `globalThis.ftzServerEncodes`) turns this header
 * into it, so the gzip copy made once per render goes out as it is instead of being compressed per answer.
 */
export const ENCODED_HEADER = "x-ftz-content-encoding";

/** What the keying needs of a request. */
export type PageRequest = {
  method: string;
  pathname: string;
  search: string;
  header: (name: string) => string | null;
  cookie: (name: string) => string | undefined;
};

// Requests of the client-side router (React Server Component payloads, prefetches, server actions): not documents.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
// Pages that read request headers (the sign-in page checks where it is served from) are never kept.
const UNCACHED_PATHS = ["/sign-in"];

/**
 * The key under which a request's page is kept, or undefined when it must be rendered for this request: only
 * a plain GET of a document, without an admin session cookie (signed-in pages show admin controls; any value
 * counts, valid or not), and not of a page that reads request headers. Keyed on the version, the language
 * (as the pages read it from the cookie) and the path with its query.
 *
 * A document request is one that accepts HTML, as a browser's navigation does, and is not marked by the
 * browser as anything else (`Sec-Fetch-Dest`). This is the test that counts: Next.js hides the router's
 * own headers (`RSC`, `Next-Router-*`) and `_rsc` from the proxy, and its router fetches with `Accept: *∕*`.
 */
export function pageCacheKey(request: PageRequest, version: string): string | undefined {
  if (request.method !== "GET") return undefined;
  if (!/\btext\/html\b/.test(request.header("accept") ?? "")) return undefined;
  const dest = request.header("sec-fetch-dest");
  if (dest !== null && dest !== "document") return undefined;
  if (ROUTER_HEADERS.some((name) => request.header(name) !== null)) return undefined;
  if (new URLSearchParams(request.search).has("_rsc")) return undefined;
  if (request.cookie(SESSION_COOKIE) !== undefined) return undefined;
  if (UNCACHED_PATHS.some((p) => request.pathname === p || request.pathname.startsWith(`${p}/`))) return undefined;
  const url = `${request.pathname}${request.search}`;
  if (url.length > MAX_CACHED_URL) return undefined;
  const asked = request.cookie(LOCALE_COOKIE) ?? "";
  const locale = (LOCALES as readonly string[]).includes(asked) ? asked : "en";
  return `${version}\n${locale}\n${url}`;
}

/** The language a key was made for: the render must be asked for in that language. */
export function localeOfKey(key: string): string {
  return key.split("\n")[1] ?? "en";
}

/** Whether a rendered answer may be served to others: a complete HTML page, for everyone (no cookie set). */
export function isKeepable(status: number, headers: Headers): boolean {
  return status === 200 && !headers.has("set-cookie") && (headers.get("content-type") ?? "").startsWith("text/html");
}

/**
 * A kept page (its body, and the same body gzip-compressed once, for readers who accept it), or a note that this
 * URL's answer may not be kept (a redirect, a 404), so it is not asked for twice.
 */
export type KeptPage =
  { keepable: true; headers: [string, string][]; body: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> } | { keepable: false };

function sizeOf(page: KeptPage): number {
  return page.keepable ? page.body.length + page.gzip.length + 512 : 64;
}

/** Whether the server sends a kept page's gzip copy as it is (scripts/serve.mjs), rather than compressing per answer. */
export function serverSendsEncoded(): boolean {
  return (globalThis as typeof globalThis & { ftzServerEncodes?: boolean }).ftzServerEncodes === true;
}

/** Whether an `Accept-Encoding` header admits gzip (`gzip;q=0` refuses it; `*` admits it unless refused by name). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name.trim() === "gzip" || name.trim() === "x-gzip") gzip = weight;
    else if (name.trim() === "*") any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

type Entry = { page: KeptPage; at: number; bytes: number; version: string };

/** Pages by key, the least recently used evicted first once `maxBytes` is exceeded, none older than `maxAgeMs`. */
export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<KeptPage | undefined>>();
  private bytes = 0;
  private version: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * Seen a version: pages of any other version can never be asked for again in this process unless the data
   * goes back, so they are dropped at once rather than left to age out.
   */
  useVersion(version: string): void {
    if (this.version === version) return;
    this.version = version;
    for (const [key, entry] of this.entries) if (entry.version !== version) this.remove(key);
  }

  get(key: string, now: number): KeptPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at >= this.maxAgeMs) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  set(key: string, version: string, page: KeptPage, now: number): void {
    this.remove(key);
    const bytes = sizeOf(page);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { page, at: now, bytes, version });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /**
   * The kept page for `key`, or `render()` once for all requests that ask while it runs (each of them gets
   * `shared: true` but the first). A render that fails or answers undefined is not kept.
   */
  async fill(
    key: string,
    version: string,
    render: () => Promise<KeptPage | undefined>,
    clock: () => number = Date.now,
  ): Promise<{ page: KeptPage | undefined; hit: boolean; shared: boolean }> {
    const kept = this.get(key, clock());
    if (kept) return { page: kept, hit: true, shared: false };
    const running = this.pending.get(key);
    if (running) return { page: await running.catch(() => undefined), hit: false, shared: true };
    const rendering = render().then((page) => {
      if (page) this.set(key, version, page, clock());
      return page;
    });
    this.pending.set(key, rendering);
    try {
      return { page: await rendering, hit: false, shared: false };
    } finally {
      this.pending.delete(key);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * The version of what pages show, and the WAL position it was read at when reads go to replicas (a page kept under
 * the version is rendered with reads at least that new, lib/read-context.ts).
 */
export type PageVersion = { version: string; floor: string | undefined };
/** Reads the version; `floor`, when given, is what the read must see (a session that has just written). */
export type PageVersionReader = (floor: string | undefined) => Promise<PageVersion>;

type State = { store: PageStore; secret: string; readVersion: PageVersionReader | undefined };
const holder = globalThis as typeof globalThis & { ftzPageCache?: State };

export function pageCacheState(): State {
  holder.ftzPageCache ??= {
    store: new PageStore(PAGE_CACHE_BYTES, PAGE_MAX_AGE_MS),
    secret: randomBytes(24).toString("base64url"),
    readVersion: undefined,
  };
  return holder.ftzPageCache;
}

/**
 * `read()` shared by concurrent callers without ever answering a caller with a read that began before its call
 * (which could miss a commit just before it): a call while a read runs waits for the next read, one for all
 * calls that arrived meanwhile. Under load that is about two reads per read's duration, not one per request.
 */
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = () => {
    const current = read();
    running = current;
    const clear = () => {
      if (running === current) running = undefined;
    };
    current.then(clear, clear);
    return current;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}

/**
 * How the proxy reads the version of what pages show (set by lib/bootstrap.ts, which owns the database). Reads
 * without a floor are shared (freshReads); a request with its own floor reads for itself.
 */
export function setPageVersionReader(read: PageVersionReader): void {
  const shared = freshReads(() => read(undefined));
  pageCacheState().readVersion = (floor) => (floor ? read(floor) : shared());
}
