import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  acceptsGzip,
  ENCODED_HEADER,
  freshReads,
  isKeepable,
  localeOfKey,
  pageCacheKey,
  PageStore,
  type KeptPage,
  type PageRequest,
} from "@/lib/page-cache";

function request(
  overrides: Partial<Omit<PageRequest, "header" | "cookie">> & { headers?: Record<string, string>; cookies?: Record<string, string> } = {},
) {
  const { headers = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" }, cookies = {}, ...rest } = overrides;
  return {
    method: "GET",
    pathname: "/",
    search: "",
    header: (name: string) => headers[name] ?? null,
    cookie: (name: string) => cookies[name],
    ...rest,
  } satisfies PageRequest;
}

const text = (body: Uint8Array) => new TextDecoder().decode(body);

function page(text: string): KeptPage {
  const body = new TextEncoder().encode(text);
  return { keepable: true, headers: [["content-type", "text/html; charset=utf-8"]], body, gzip: new Uint8Array(gzipSync(body)) };
}

/** What the store counts for a kept page of `text`: both copies and the headers' allowance. */
const keptBytes = (text: string) => (page(text) as Extract<KeptPage, { keepable: true }>).gzip.length + text.length + 512;

describe("which page requests are kept, and under which key (pageCacheKey)", () => {
  it("keys a plain GET on the version, the language and the path with its query", () => {
    const en = pageCacheKey(request({ pathname: "/compare", search: "?indicator=gdp" }), "7.1");
    expect(en).toBe("7.1\nen\n/compare?indicator=gdp");
    expect(pageCacheKey(request({ pathname: "/compare", search: "?indicator=gdp" }), "8.1")).not.toBe(en);
    expect(pageCacheKey(request({ pathname: "/compare", search: "?indicator=trade" }), "7.1")).not.toBe(en);
    const zh = pageCacheKey(request({ pathname: "/compare", search: "?indicator=gdp", cookies: { "ftz-lang": "zh" } }), "7.1");
    expect(zh).toBe("7.1\nzh\n/compare?indicator=gdp");
    expect(localeOfKey(zh ?? "")).toBe("zh");
  });

  it("reads the language as the pages do: anything but a known language is English", () => {
    expect(pageCacheKey(request({ cookies: { "ftz-lang": "fr" } }), "1")).toBe(pageCacheKey(request(), "1"));
    expect(pageCacheKey(request({ cookies: { "ftz-lang": "en" } }), "1")).toBe(pageCacheKey(request(), "1"));
  });

  it("never keeps a request with an admin session cookie, valid or not", () => {
    expect(pageCacheKey(request({ cookies: { "ftz-admin": "signed.value" } }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ cookies: { "ftz-admin": "" } }), "1")).toBeUndefined();
  });

  it("leaves the router's requests, other methods, header-reading pages and very long URLs to the pages", () => {
    for (const header of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"])
      expect(pageCacheKey(request({ headers: { accept: "text/html", [header]: "1" } }), "1"), header).toBeUndefined();
    expect(pageCacheKey(request({ search: "?_rsc=abc12" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ method: "HEAD" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ method: "POST" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ pathname: "/sign-in", search: "?next=/import" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ pathname: "/signing" }), "1")).toBeDefined();
    expect(pageCacheKey(request({ search: `?q=${"x".repeat(2100)}` }), "1")).toBeUndefined();
  });
});

describe("what counts as a document request", () => {
  it("is one that accepts HTML and that the browser does not mark as anything but a document", () => {
    const key = (headers: Record<string, string>) => pageCacheKey(request({ headers }), "1");
    expect(key({ accept: "text/html,application/xhtml+xml" })).toBeDefined();
    expect(key({ accept: "text/html", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" })).toBeDefined();
    // The client router's requests, as the proxy sees them (Next.js hides `RSC` and `_rsc` from it).
    expect(key({ accept: "*/*", "sec-fetch-dest": "empty" })).toBeUndefined();
    expect(key({ accept: "*/*" })).toBeUndefined();
    expect(key({})).toBeUndefined();
    expect(key({ accept: "text/html", "sec-fetch-dest": "empty" })).toBeUndefined();
    expect(key({ accept: "text/html", "sec-fetch-dest": "iframe" })).toBeUndefined();
  });
});

describe("which rendered answers may be served to others (isKeepable)", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  it("keeps a 200 HTML page that sets no cookie, nothing else", () => {
    expect(isKeepable(200, new Headers(html))).toBe(true);
    expect(isKeepable(404, new Headers(html))).toBe(false);
    expect(isKeepable(307, new Headers({ ...html, location: "/compare?x=1" }))).toBe(false);
    expect(isKeepable(200, new Headers({ ...html, "set-cookie": "ftz-lang=zh" }))).toBe(false);
    expect(isKeepable(200, new Headers({ "content-type": "text/x-component" }))).toBe(false);
  });
});

describe("which readers get the gzip copy (acceptsGzip)", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["*", true],
    ["identity", false],
    ["br", false],
    ["gzip;q=0", false],
    ["gzip;q=0, *", false],
    ["*;q=0", false],
    ["", false],
  ])("Accept-Encoding %j → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("is told to the server by the same header name the server turns into Content-Encoding", () => {
    const server = fs.readFileSync("scripts/serve.mjs", "utf8");
    expect(server).toContain(`const ENCODED_HEADER = "${ENCODED_HEADER}";`);
    expect(server).toContain("globalThis.ftzServerEncodes = true");
  });
});

describe("the page store (PageStore)", () => {
  it("evicts the least recently used page once the bytes are exceeded", () => {
    const store = new PageStore(3 * keptBytes("a".repeat(100)), 60_000);
    for (const key of ["a", "b", "c"]) store.set(key, "v", page(key.repeat(100)), 0);
    expect(store.get("a", 1)).toBeDefined(); // a is now the most recently used
    store.set("d", "v", page("d".repeat(100)), 2);
    expect(store.get("b", 3)).toBeUndefined();
    expect(["a", "c", "d"].map((k) => store.get(k, 3) !== undefined)).toEqual([true, true, true]);
    expect(store.size.entries).toBe(3);
    store.set("huge", "v", page("h".repeat(5000)), 4);
    expect(store.get("huge", 4)).toBeUndefined();
    expect(store.size.entries).toBe(3);
  });

  it("renders a kept page again once it is older than the maximum age", () => {
    const store = new PageStore(1_000_000, 1000);
    store.set("a", "v", page("old"), 0);
    expect(store.get("a", 999)).toBeDefined();
    expect(store.get("a", 1000)).toBeUndefined();
    expect(store.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("drops the pages of other versions as soon as a new version is seen", () => {
    const store = new PageStore(1_000_000, 60_000);
    store.set("1\nen\n/", "1", page("one"), 0);
    store.set("2\nen\n/", "2", page("two"), 0);
    store.useVersion("2");
    expect(store.get("1\nen\n/", 1)).toBeUndefined();
    expect(store.get("2\nen\n/", 1)).toBeDefined();
  });

  it("renders once for 16 requests that miss together, then answers from memory", async () => {
    const store = new PageStore(1_000_000, 60_000);
    let renders = 0;
    const render = () => new Promise<KeptPage>((resolve) => setTimeout(() => resolve(page(`render ${(renders += 1)}`)), 10));
    const answers = await Promise.all(Array.from({ length: 16 }, () => store.fill("k", "v", render)));
    expect(renders).toBe(1);
    expect(answers.filter((a) => !a.shared && !a.hit)).toHaveLength(1);
    expect(new Set(answers.map((a) => (a.page?.keepable ? text(a.page.body) : "")))).toEqual(new Set(["render 1"]));
    const again = await store.fill("k", "v", render);
    expect(again.hit).toBe(true);
    expect(renders).toBe(1);
  });

  it("keeps no failed render: the next request renders again", async () => {
    const store = new PageStore(1_000_000, 60_000);
    const failed = await Promise.all([store.fill("k", "v", async () => undefined), store.fill("k", "v", async () => page("x"))]);
    expect(failed.map((a) => a.page)).toEqual([undefined, undefined]);
    await expect(store.fill("k", "v", () => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    const next = await store.fill("k", "v", async () => page("fresh"));
    expect(next.hit).toBe(false);
    expect(next.page?.keepable && text(next.page.body)).toBe("fresh");
  });
});

describe("reads shared without answering with a stale one (freshReads)", () => {
  it("answers every call with a read that began at or after the call, sharing reads among waiting calls", async () => {
    let database = 1;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const read = freshReads(() => {
      const seen = database;
      started.push(seen);
      return new Promise<number>((resolve) => release.push(() => resolve(seen)));
    });
    const first = read(); // read 1 begins, sees 1
    database = 2; // a commit while read 1 runs
    const during = [read(), read(), read()]; // must not get read 1's answer
    expect(started).toEqual([1]);
    release.shift()?.();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([1, 2]); // one more read for the three waiting calls
    release.shift()?.();
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    const later = read();
    expect(started).toEqual([1, 2, 2]);
    release.shift()?.();
    expect(await later).toBe(2);
  });

  it("passes a failed read on to its callers and reads again for the next call", async () => {
    let fail = true;
    const read = freshReads(async () => {
      if (fail) throw new Error("database down");
      return "v";
    });
    await expect(read()).rejects.toThrow("database down");
    fail = false;
    await expect(read()).resolves.toBe("v");
  });
});
