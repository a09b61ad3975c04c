// Two app instances on a primary and a streaming replica of it (issue 19, points 1, 3 and 4), started the way a
// user does (`npm start`, the build the other e2e tests made), with DATABASE_URL on the primary and
// DATABASE_READ_URL on the replica: an import through one instance is on the other's pages and API, the session
// that imported reads its import on either instance while the replica lags (the cookie the import's response
// sets), the replica serves everyone else, and an alert found by both instances reaches the webhook once.
// The primary and the replica are the test's own (tests/support/replication.ts); replay is paused to make the
// replica lag on purpose.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { page, postFile, postPackage } from "../support/app-http";
import { FIXTURES } from "../support/fixtures";
import { queryNode, startReplicatedPair, waitForReplay, type ReplicatedPair } from "../support/replication";
import { startServer, type RunningServer } from "../support/server";

const token = inject("adminToken");
const DATABASE = "ftz_e2e_replicas";

let pair: ReplicatedPair;
let a: RunningServer;
let b: RunningServer;
let hook: http.Server;
const received: string[] = [];
let zoneNumber = Date.now() % 100_000;

const primaryUrl = () => pair.primary.url(DATABASE);
const replicaUrl = () => pair.replica.url(DATABASE);
const setReplay = (paused: boolean) => queryNode(replicaUrl(), paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()");

beforeAll(async () => {
  hook = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push((JSON.parse(body) as { alert: { key: string } }).alert.key);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  pair = await startReplicatedPair();
  const env = {
    DATABASE_URL: primaryUrl(),
    DATABASE_READ_URL: replicaUrl(),
    FTZ_ADMIN_TOKEN: token,
    FTZ_SEED: "false",
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
  };
  // The first instance creates and migrates the database; the second starts once the replica has it.
  a = await startServer(env, undefined, "test-results/e2e-server-replica-a.log");
  await waitForReplay(primaryUrl(), replicaUrl());
  b = await startServer(env, undefined, "test-results/e2e-server-replica-b.log");
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  pair?.stop();
  await new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve()));
});

/** Imports `csv` as `name` through the API of `base`; answers the response's read-after cookie. */
async function importCsv(base: string, name: string, csv: string): Promise<string> {
  const response = await postPackage(base, token, name, csv);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("ftz-read-after="));
  expect(cookie, "the import's response sets the read-after cookie").toBeDefined();
  return (cookie ?? "").split(";")[0] ?? "";
}

function zonesCsv(): { name: string; csv: string } {
  zoneNumber += 1;
  const name = `Synthetic Replica Zone ${zoneNumber}`;
  const base = fs.readFileSync(path.join(FIXTURES, "base", "zones.csv"), "utf8").trimEnd();
  return { name, csv: `${base}\nsynthetic-rz${zoneNumber},${name},合成副本${zoneNumber}区,ftz,synthetic,2020-01-01,10,\n` };
}

async function zoneNames(base: string, cookie?: string): Promise<string[]> {
  const response = await fetch(new URL("/api/zones", base), { headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { name_en: string }[] }).data.map((z) => z.name_en);
}

describe("two instances, a primary and a streaming replica", () => {
  it("both read the replica; the session that imported through one reads its import on the other while the replica lags", async () => {
    await importCsv(a.url, "indicators.csv", fs.readFileSync(path.join(FIXTURES, "base", "indicators.csv"), "utf8"));
    await waitForReplay(primaryUrl(), replicaUrl());
    await page(b.url, "/zones");
    expect((await page(b.url, "/zones")).cache).toBe("hit");
    const { name, csv } = zonesCsv();
    await setReplay(true);
    try {
      const cookie = await importCsv(a.url, "zones.csv", csv);
      // Everyone else reads the replica, which has not replayed the import yet: on both instances.
      expect(await zoneNames(b.url)).not.toContain(name);
      expect(await zoneNames(a.url)).toContain(name); // a's own write: a reads the primary until it is replayed
      expect((await page(b.url, "/zones")).html).not.toContain(name);
      // The session that imported, on the other instance: from the primary, the API and the pages alike.
      expect(await zoneNames(b.url, cookie)).toContain(name);
      const own = await page(b.url, "/zones", cookie);
      expect(own.status).toBe(200);
      expect(own.html).toContain(name);
    } finally {
      await setReplay(false);
    }
    await waitForReplay(primaryUrl(), replicaUrl());
    // Replayed: the other instance's next request has it, for everyone.
    expect(await zoneNames(b.url)).toContain(name);
    const next = await page(b.url, "/zones");
    expect(next.html).toContain(name);
    expect((await page(b.url, "/zones")).cache).toBe("hit");
  });

  it("the primary stopped: pages and the API go on from the replica, an import answers 503, nothing is lost", async () => {
    await waitForReplay(primaryUrl(), replicaUrl());
    const before = await zoneNames(b.url);
    const { name, csv } = zonesCsv();
    pair.primary.stop();
    try {
      const refused = await postFile(a.url, token, "zones.csv", csv);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      // Reads, on both instances, pages too (the proxy does not answer 503 while a replica serves).
      for (const app of [a, b]) {
        expect(await zoneNames(app.url)).toEqual(before);
        const zones = await page(app.url, "/zones");
        expect(zones.status).toBe(200);
        expect(zones.html).not.toContain(name);
      }
    } finally {
      pair.primary.start();
    }
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await postFile(a.url, token, "zones.csv", csv)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect(await zoneNames(a.url)).toEqual(expect.arrayContaining([...before, name]));
  });

  it("an alert that both instances find reaches the webhook once", async () => {
    // A fall of half on a year earlier, imported through both instances at once: both refresh the alerts and
    // both try to send what is new.
    const figures =
      "zone,indicator,period,value,unit,source_title\nsynthetic-a,synthetic_trade,2020,100,亿元,Synthetic bulletin\nsynthetic-a,synthetic_trade,2021,50,亿元,Synthetic bulletin\n";
    const other = zonesCsv();
    await Promise.all([importCsv(a.url, "observations.csv", figures), importCsv(b.url, "zones.csv", other.csv)]);
    await Promise.all([importCsv(b.url, "observations.csv", figures), importCsv(a.url, "zones.csv", zonesCsv().csv)]);
    const deadline = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const [open] = await queryNode<{ n: number }>(primaryUrl(), "SELECT count(*)::int AS n FROM alerts WHERE notified_at IS NOT NULL");
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received).size).toBe(received.length);
    expect(received.length).toBe(open?.n);
  });
});
