// The running app when its PostgreSQL server goes away and comes back (through a TCP proxy the test
// stops): pages answer the friendly page as a 503 with Retry-After, the API a JSON 503, and both work
// again without a restart (issue 15, point 5). Also: a data-explorer link with an unknown zone shows
// the bad-link notice, not an error page (point 3).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serverUrl, testDatabaseName } from "../support/databases";
import { startServer, type RunningServer } from "../support/server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

let proxy: TcpProxy;
let server: RunningServer;

beforeAll(async () => {
  const direct = new URL(serverUrl(testDatabaseName(`e2eout${Date.now() % 100_000}`)));
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  direct.hostname = "127.0.0.1";
  direct.port = String(proxy.port);
  server = await startServer(
    {
      DATABASE_URL: direct.toString(),
      FTZ_ADMIN_TOKEN: inject("adminToken"),
      FTZ_SEED: "false",
      FTZ_DB_CONNECT_TIMEOUT_MS: "1000",
      FTZ_DB_STATEMENT_TIMEOUT_MS: "2000",
    },
    undefined,
    "test-results/e2e-server-outage.log",
  );
});
afterAll(async () => {
  await server?.stop();
  await proxy?.close();
});

const get = (path: string) => fetch(new URL(path, server.url), { redirect: "manual" });

async function until(path: string, status: number, ms = 15_000): Promise<number> {
  const deadline = Date.now() + ms;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await get(path)).status;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

describe("the app while its database is away", () => {
  it("a link to the data explorer with an unknown zone shows the bad-link notice", async () => {
    const response = await get("/data?zone=nosuch");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("unknown zone &#x27;nosuch&#x27;");
  });

  it("pages and the API answer 503 with Retry-After and the reason, and recover without a restart", async () => {
    expect((await get("/zones")).status).toBe(200);
    await proxy.stop();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const page = await get("/zones");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    const html = await page.text();
    expect(html).toContain("This page could not be shown");
    expect(html).toContain("Reason: the database server cannot be reached or closed the connection");
    const api = await get("/api/zones");
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/^The database is not available right now: /);
    await proxy.start();
    expect(await until("/zones", 200)).toBe(200);
    expect((await get("/api/zones")).status).toBe(200);
  });
});
