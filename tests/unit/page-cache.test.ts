import { describe, expect, it } from "vitest";
import { isKeepable, localeOfKey, pageCacheKey, PageStore, type KeptPage, type PageRequest } from "@/lib/page-cache";

function request(
  overrides: Partial<Omit<PageRequest, "header" | "cookie">> & { headers?: Record<string, string>; cookies?: Record<string, string> } = {},
) {
  const { headers = {}, cookies = {}, ...rest } = overrides;
  return {
    method: "GET",
    pathname: "/",
    search: "",
    header: (name: string) => headers[name] ?? null,
    cookie: (name: string) => cookies[name],
    ...rest,
  } satisfies PageRequest;
}

function page(text: string): KeptPage {
  const body = Buffer.from(text);
  return { keepable: true, headers: [["content-type", "text/html; charset=utf-8"]], body };
}

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
      expect(pageCacheKey(request({ headers: { [header]: "1" } }), "1"), header).toBeUndefined();
    expect(pageCacheKey(request({ search: "?_rsc=abc12" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ method: "HEAD" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ method: "POST" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ pathname: "/sign-in", search: "?next=/import" }), "1")).toBeUndefined();
    expect(pageCacheKey(request({ pathname: "/signing" }), "1")).toBeDefined();
    expect(pageCacheKey(request({ search: `?q=${"x".repeat(2100)}` }), "1")).toBeUndefined();
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

describe("the page store (PageStore)", () => {
  it("evicts the least recently used page once the bytes are exceeded", () => {
    const store = new PageStore(3 * (100 + 512), 60_000);
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
    expect(new Set(answers.map((a) => (a.page?.keepable ? a.page.body.toString() : "")))).toEqual(new Set(["render 1"]));
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
    expect(next.page?.keepable && next.page.body.toString()).toBe("fresh");
  });
});
