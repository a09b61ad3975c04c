// The proxy's 503 page while the database is unavailable, and its recovery once a probe gets through.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { currentOutage, markUnavailable, setAvailabilityProbe } from "@/lib/availability";
import { proxy } from "@/proxy";

describe("pages while the database is unavailable", () => {
  it("answer 503 with Retry-After, the friendly page's words and the reason; then pass again once a probe succeeds", async () => {
    let reason: string | undefined = "the database server cannot be reached or closed the connection";
    let probes = 0;
    setAvailabilityProbe(async () => {
      probes += 1;
      return reason;
    });
    expect((await proxy(new NextRequest("http://ftz.test/zones"))).status).toBe(200);
    markUnavailable(reason, 0);
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
    // At most one probe a second, however many requests come.
    expect(probes).toBe(1);
    reason = undefined;
    expect(await currentOutage(Date.now() + 2000)).toBeUndefined();
    expect((await proxy(new NextRequest("http://ftz.test/zones"))).status).toBe(200);
  });
});
