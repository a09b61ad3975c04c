// Reads from a real streaming replica (issue 19, points 1, 2 and 4; lib/db/read-routing.ts): the test starts its
// own primary and a replica of it (tests/support/replication.ts), reached through TCP proxies it can stop, and
// opens the app's database on both as DATABASE_URL and DATABASE_READ_URL do. Which server answered a statement is
// read from the statement itself (inet_server_port() is the real server's port, not the proxy's). Replay on the
// replica is paused to make it lag behind on purpose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/bootstrap";
import { openDatabase, type Database } from "@/lib/db/connection";
import { dataState } from "@/lib/db/queries/version";
import { withReadContext } from "@/lib/db/read-routing";
import { importPackage } from "@/lib/import/run";
import * as imports from "@/app/api/imports/route";
import * as zones from "@/app/api/zones/route";
import { fixtureFiles, textFile } from "../support/fixtures";
import { queryNode, startReplicatedPair, waitForReplay, type ReplicatedPair } from "../support/replication";
import { BASE, bearer, serveDatabase } from "../support/routes";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const TIMEOUTS = { connectMs: 1000, statementMs: 1500 };
/** The longest a read may take while a server is away: connect, or statement plus the read grace. */
const BOUND_MS = TIMEOUTS.statementMs + 1000 + 1000;
const DATABASE = "ftz_replicas";

let pair: ReplicatedPair;
let primaryProxy: TcpProxy;
let replicaProxy: TcpProxy;
/** The instance that writes, and a second one on the same servers that does not. */
let writer: Database;
let reader: Database;
let period = 0;

const proxied = (proxy: TcpProxy) => `postgresql://postgres@127.0.0.1:${proxy.port}/${DATABASE}`;
const open = () => openDatabase({ url: proxied(primaryProxy), readUrls: [proxied(replicaProxy)], timeouts: TIMEOUTS }, "test");

async function serverOf(db: Database): Promise<"primary" | "replica"> {
  const rows = await db.prisma.$queryRawUnsafe<{ port: number }[]>("SELECT inet_server_port() AS port");
  return rows[0]?.port === pair.primary.port ? "primary" : "replica";
}

async function observations(db: Database): Promise<number> {
  return db.prisma.observation.count();
}

/** Imports one new figure through `db`; answers the observations' count on the primary afterwards. */
async function importFigure(db: Database): Promise<number> {
  period += 1;
  const csv = `zone,indicator,period,value,unit,source_title\nsynthetic-a,synthetic_trade,${2040 + period},${period},亿元,Synthetic bulletin\n`;
  const summary = await importPackage(db.prisma, [textFile(csv)], { dryRun: false, actor: "test", channel: "api" });
  expect(summary.committed).toBe(true);
  const [row] = await queryNode<{ n: number }>(pair.primary.url(DATABASE), "SELECT count(*)::int AS n FROM observations");
  return row?.n ?? -1;
}

async function setReplay(paused: boolean): Promise<void> {
  await queryNode(pair.replica.url(DATABASE), paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()");
}

/** Asks until `read` answers `expected`, for at most `ms`; answers the last answer and how long it took. */
async function eventually<T>(read: () => Promise<T>, expected: T, ms = 10_000): Promise<{ last: T; ms: number }> {
  const started = Date.now();
  let last = await read().catch(() => undefined as T);
  while (last !== expected && Date.now() - started < ms) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read().catch(() => undefined as T);
  }
  return { last, ms: Date.now() - started };
}

beforeAll(async () => {
  pair = await startReplicatedPair();
  primaryProxy = await startTcpProxy({ host: "127.0.0.1", port: pair.primary.port });
  replicaProxy = await startTcpProxy({ host: "127.0.0.1", port: pair.replica.port });
  writer = await open();
  await prepareDatabase(writer, { seed: false });
  await importPackage(writer.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), {
    dryRun: false,
    actor: "test",
    channel: "api",
  });
  await waitForReplay(pair.primary.url(DATABASE), pair.replica.url(DATABASE));
  reader = await open();
  serveDatabase(writer);
});

afterAll(async () => {
  await Promise.all([writer?.close().catch(() => undefined), reader?.close().catch(() => undefined)]);
  await Promise.all([primaryProxy?.close(), replicaProxy?.close()]);
  pair?.stop();
});

describe("reads go to the replica, writes and transactions to the primary", () => {
  it("sends a read outside a transaction to the replica", async () => {
    expect(await serverOf(reader)).toBe("replica");
    const [row] = await reader.prisma.$queryRawUnsafe<{ standby: boolean }[]>("SELECT pg_is_in_recovery() AS standby");
    expect(row?.standby).toBe(true);
  });

  it("sends everything in a transaction, and statements that write or lock, to the primary", async () => {
    const inTransaction = await reader.prisma.$transaction(async (tx) =>
      tx.$queryRawUnsafe<{ port: number }[]>("SELECT inet_server_port() AS port"),
    );
    expect(inTransaction[0]?.port).toBe(pair.primary.port);
    const locked = await reader.prisma.$queryRawUnsafe<{ port: number }[]>(
      "SELECT inet_server_port() AS port FROM zones LIMIT 1 FOR UPDATE",
    );
    expect(locked[0]?.port).toBe(pair.primary.port);
  });

  it("reads this instance's own write at once, from the primary until the replica has replayed it, then from the replica", async () => {
    await setReplay(false);
    await waitForReplay(pair.primary.url(DATABASE), pair.replica.url(DATABASE));
    const before = await observations(reader);
    await setReplay(true);
    try {
      const after = await importFigure(writer);
      expect(after).toBe(before + 1);
      // The writer sees its import; the replica (and so the other instance, which wrote nothing) does not yet.
      expect(await observations(writer)).toBe(after);
      expect(await serverOf(writer)).toBe("primary");
      expect(await observations(reader)).toBe(before);
      expect(await serverOf(reader)).toBe("replica");
    } finally {
      await setReplay(false);
    }
    const back = await eventually(() => serverOf(writer), "replica");
    expect(back.last).toBe("replica");
    expect(await observations(reader)).toBe(before + 1);
  });

  it("a session that wrote through the other instance reads its write there too (its floor, as the cookie carries it)", async () => {
    await setReplay(true);
    try {
      const after = await importFigure(writer);
      const floor = writer.readRouter?.lastWrite() ?? 0n;
      expect(floor).toBeGreaterThan(0n);
      const { value } = await withReadContext(floor, async () => ({ count: await observations(reader), server: await serverOf(reader) }));
      expect(value).toEqual({ count: after, server: "primary" });
      // Without the floor, the same instance reads the lagging replica.
      expect(await observations(reader)).toBe(after - 1);
    } finally {
      await setReplay(false);
    }
  });

  it("a version read says where it was read: what is read under it in the same request is at least as new", async () => {
    await waitForReplay(pair.primary.url(DATABASE), pair.replica.url(DATABASE));
    await setReplay(true);
    try {
      const stale = await withReadContext(0n, async () => ({ state: await dataState(reader.prisma), count: await observations(reader) }));
      const after = await importFigure(writer);
      const floor = writer.readRouter?.lastWrite() ?? 0n;
      // Read on the replica: the old version with the old data, the floor raised to the replica's position only.
      expect(stale.context.floor).toBeGreaterThan(0n);
      expect(stale.context.floor).toBeLessThan(floor);
      expect(stale.value.count).toBe(after - 1);
      // A session that must see the import reads the version on the primary, and the floor rises to the primary's
      // position: the data read under that version comes from the primary too while the replica lags.
      const fresh = await withReadContext(floor, async () => {
        const state = await dataState(reader.prisma);
        return { state, count: await observations(reader), server: await serverOf(reader) };
      });
      expect(fresh.value.state.version).not.toBe(stale.value.state.version);
      expect(fresh.context.floor).toBeGreaterThanOrEqual(floor);
      expect(fresh.value).toMatchObject({ count: after, server: "primary" });
    } finally {
      await setReplay(false);
    }
  });
});

describe("faults", () => {
  it("a replica that goes away: reads fall back to the primary at once, and return to the replica when it is back", async () => {
    await replicaProxy.stop();
    const started = Date.now();
    const count = await observations(reader);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(count).toBeGreaterThan(0);
    expect(await serverOf(reader)).toBe("primary");
    expect(reader.readRouter?.hasHealthyReplica()).toBe(false);
    await replicaProxy.start();
    const back = await eventually(() => serverOf(reader), "replica", 5000);
    expect(back.last).toBe("replica");
  });

  it("a replica that hangs: reads answer from the primary within the timeouts", async () => {
    replicaProxy.hang();
    try {
      const started = Date.now();
      expect(await observations(reader)).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(BOUND_MS);
      const next = Date.now();
      expect(await serverOf(reader)).toBe("primary");
      expect(Date.now() - next).toBeLessThan(500);
    } finally {
      await replicaProxy.start();
    }
    expect((await eventually(() => serverOf(reader), "replica", 10_000)).last).toBe("replica");
  });

  it("the primary goes away: reads go on from the replica, writes answer 503 with the reason, nothing is lost", async () => {
    await waitForReplay(pair.primary.url(DATABASE), pair.replica.url(DATABASE));
    const before = await observations(writer);
    await primaryProxy.stop();
    try {
      const csv = "zone,indicator,period,value,unit,source_title\nsynthetic-a,synthetic_trade,2099,5,亿元,Synthetic bulletin\n";
      const post = () =>
        imports.POST(new Request(`${BASE}/api/imports`, { method: "POST", headers: { ...bearer, "content-type": "text/csv" }, body: csv }));
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/cannot be reached|closed the connection|not available/);
      // Reads keep working, on the writer too (it wrote before: its reads now go to the freshest replica).
      const listed = await zones.GET(new Request(`${BASE}/api/zones`));
      expect(listed.status).toBe(200);
      expect(await observations(writer)).toBe(before);
      expect(await serverOf(writer)).toBe("replica");
      // A second write is refused at once, with the reason.
      const started = Date.now();
      expect((await post()).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(BOUND_MS);
    } finally {
      await primaryProxy.start();
    }
    // Writes are refused at once for a second after a failure, then tried again.
    const written = await eventually(() => importFigure(writer), before + 1, 5000);
    expect(written.last).toBe(before + 1);
  });
});
