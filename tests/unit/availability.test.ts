// The proxy's 503 page while the database is unavailable: seen by its own probe before a page fails,
// at most one probe a second, and pages pass again once a probe gets through (issue 15, point 5).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setAvailabilityProbe } from "@/lib/availability";
import { proxy } from "@/proxy";

describe("pages while the database is unavailable", () => {
  afterEach(() => vi.useRealTimers());

  it("answer 503 with Retry-After, the friendly page's words and the reason; then pass again once a probe succeeds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000_000);
    let reason: string | undefined;
    let probes = 0;
    setAvailabilityProbe(async () => {
      probes += 1;
      return reason;
    });
    expect((await proxy(new NextRequest("http://ftz.test/zones"))).status).toBe(200);
    reason = "the database server cannot be reached or closed the connection";
    vi.setSystemTime(1_001_100);
    const response = await proxy(new NextRequest("http://ftz.test/compare?indicator=x"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const html = await response.text();
    expect(html).toContain("<h1>This page could not be shown</h1>");
    expect(html).toContain("The server could not read the data for this page.");
    expect(html).toContain("Reason: the database server cannot be reached or closed the connection");
    expect(html).toContain('href="/compare?indicator=x"');
    const zh = await proxy(new NextRequest("http://ftz.test/", { headers: { cookie: "ftz-lang=zh" } }));
    expect(await zh.text()).toContain("<h1>页面无法显示</h1>");
    expect(probes).toBe(2);
    reason = undefined;
    vi.setSystemTime(1_002_200);
    expect((await proxy(new NextRequest("http://ftz.test/zones"))).status).toBe(200);
    expect(probes).toBe(3);
  });
});
