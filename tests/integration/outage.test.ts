// The database goes away after start — stops, hangs, is renamed — and comes back: the API answers 503
// with Retry-After and a plain reason within the configured timeouts, writes nothing, and recovers
// without a restart (issue 15, point 5). The database is reached through a TCP proxy the test controls.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/bootstrap";
import { openDatabase, type Database } from "@/lib/db/connection";
import { ADMIN_URL, freshServerUrl } from "../support/databases";
import { fixtureFiles } from "../support/fixtures";
import { BASE, bearer, serveDatabase } from "../support/routes";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { importPackage } from "@/lib/import/run";
import * as zones from "@/app/api/zones/route";
import * as imports from "@/app/api/imports/route";

const TIMEOUTS = { connectMs: 1000, statementMs: 1500 };
/** The longest any request may take while the database is away: connect, or statement plus the read grace. */
const BOUND_MS = TIMEOUTS.statementMs + 1000 + 1000;

let proxy: TcpProxy;
let db: Database;
let name: string;

beforeAll(async () => {
  const direct = new URL(freshServerUrl());
  name = direct.pathname.slice(1);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(direct);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  db = await openDatabase({ url: proxied.toString(), timeouts: TIMEOUTS }, "test");
  await prepareDatabase(db, { seed: false });
  await importPackage(db.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), { dryRun: false, actor: "test", channel: "api" });
  serveDatabase(db);
});
afterAll(async () => {
  await proxy?.start();
  await db?.close();
  await proxy?.close();
});

async function getZones() {
  const started = performance.now();
  const response = await zones.GET(new Request(`${BASE}/api/zones`));
  const body = (await response.json()) as { data?: unknown[]; error?: { code: string; message: string } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body, ms: performance.now() - started };
}

/** Asks until the API answers 200 again (a connection broken by the outage is dropped on first use). */
async function recovered(): Promise<number> {
  const deadline = Date.now() + 10_000;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await getZones()).status;
    if (last === 200) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return last;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("the database goes away after start", () => {
  it("answers 200 while it is there", async () => {
    expect(await getZones()).toMatchObject({ status: 200, retryAfter: null });
  });

  it("stopped: 503 with Retry-After and the reason, at once; then recovers", async () => {
    await proxy.stop();
    const answer = await getZones();
    expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
    expect(answer.body.error?.message).toMatch(
      /^The database is not available right now: .+\. The server keeps trying; try again in a few seconds\.$/,
    );
    expect(answer.ms).toBeLessThan(BOUND_MS);
    await proxy.start();
    expect(await recovered()).toBe(200);
  });

  it("hanging: 503 within the timeouts, not after minutes; then recovers", async () => {
    proxy.hang();
    const answer = await getZones();
    expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
    expect(answer.body.error?.message).toMatch(/did not answer in time|no connection could be made in time|cannot be reached/);
    expect(answer.ms).toBeLessThan(BOUND_MS);
    // Known to be down: the next request does not wait for a timeout again, only for one short probe.
    const next = await getZones();
    expect(next).toMatchObject({ status: 503, retryAfter: "5" });
    expect(next.ms).toBeLessThan(TIMEOUTS.connectMs + 500);
    await proxy.start();
    expect(await recovered()).toBe(200);
  });

  it("renamed: 503 saying it does not exist; renamed back, it recovers", async () => {
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    await adminQuery(`ALTER DATABASE "${name}" RENAME TO "${name}_away"`);
    try {
      const answer = await getZones();
      expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
      expect(answer.body.error?.message).toBe(
        "The database is not available right now: the database does not exist (was it renamed or dropped?). The server keeps trying; try again in a few seconds.",
      );
    } finally {
      await adminQuery(`ALTER DATABASE "${name}_away" RENAME TO "${name}"`);
    }
    expect(await recovered()).toBe(200);
  });

  it("an import sent while it is stopped: 503, and nothing written once it is back", async () => {
    const before = await db.prisma.observation.count();
    await proxy.stop();
    const csv = "zone,indicator,period,value,unit,source_title\nsynthetic-a,synthetic_trade,2041-01,5,亿元,Bulletin\n";
    const response = await imports.POST(
      new Request(`${BASE}/api/imports`, { method: "POST", headers: { ...bearer, "content-type": "text/csv" }, body: csv }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    await proxy.start();
    expect(await recovered()).toBe(200);
    expect(await db.prisma.observation.count()).toBe(before);
  });
});
