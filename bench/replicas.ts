// Read scaling (issue 19, point 5): the series API and `/` under load against one app instance on a PostgreSQL
// primary, then against two instances on that primary with a streaming replica of it (DATABASE_READ_URL), the
// clients shared between them as a load balancer would. The primary and the replica are the benchmark's own
// (initdb and pg_basebackup -R into temporary directories, tests/support/replication.ts), loaded with the same
// synthetic package; everything is stopped and removed afterwards. Bounded (seconds and a request cap per case)
// and loopback only. On a machine of two cores every process shares the same two cores, so the gain shows
// what routing costs and what it frees on the primary, not what a second machine would add.
import os from "node:os";
import path from "node:path";
import { queryNode, startReplicatedPair, waitForReplay } from "../tests/support/replication.ts";
import { freePort } from "../tests/support/server.ts";
import { analyze, importInto, prepareTemplate } from "./import-bench.ts";
import { runLoad, type LoadCase } from "./load.ts";
import { startApp, type AppServer } from "./server.ts";

/** A load case, with the transactions each server committed meanwhile (pg_stat_database): what left the primary. */
export type ReplicaCase = LoadCase & { setup: string; instances: number; primaryTransactions: number; replicaTransactions: number };

const DATABASE = "ftz_bench_replicas";

export async function benchReplicas(options: {
  root: string;
  /** The synthetic package to load. */
  dir: string;
  paths: { series: string };
  concurrency: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<ReplicaCase[]> {
  const { log } = options;
  log("  starting a primary and a streaming replica (initdb, pg_basebackup -R) …");
  const pair = await startReplicatedPair();
  const apps: AppServer[] = [];
  try {
    const admin = pair.primary.url("postgres");
    log("  loading the synthetic package into the primary (not timed) …");
    await prepareTemplate(admin, DATABASE);
    await importInto(admin, DATABASE, options.dir);
    const megabytes = await analyze(admin, DATABASE);
    log(`  observations: ${megabytes.toFixed(0)} MB with their indexes`);
    await waitForReplay(pair.primary.url(DATABASE), pair.replica.url(DATABASE), 120_000);
    const primary = pair.primary.url(DATABASE);
    const start = async (name: string, env: Record<string, string> = {}) => {
      const app = await startApp({
        root: options.root,
        databaseUrl: primary,
        port: await freePort(),
        env,
        logFile: path.join(os.tmpdir(), `ftz-bench-replicas-${name}-${process.pid}.log`),
        log,
      });
      apps.push(app);
      return app;
    };
    const transactions = async (url: string) =>
      (await queryNode<{ n: string }>(url, "SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()"))[0]
        ?.n ?? "0";
    const counts = async () => [Number(await transactions(primary)), Number(await transactions(pair.replica.url(DATABASE)))];
    const measure = async (setup: string, instances: AppServer[]): Promise<ReplicaCase[]> => {
      const [first, ...more] = instances.map((app) => app.url);
      const out: ReplicaCase[] = [];
      for (const [name, p] of [
        ["/api/series", options.paths.series],
        ["/ (kept pages)", "/"],
      ] as const) {
        log(`  ${setup}: ${name}, ${options.concurrency} clients for ${options.seconds} s …`);
        // One warm-up pass per instance: the first answer renders or fills the caches.
        for (const app of instances)
          await fetch(new URL(p, app.url), { headers: { accept: "text/html,application/json" } }).then((r) => r.arrayBuffer());
        const before = await counts();
        const result = await runLoad({
          name,
          base: first ?? "",
          more,
          path: p,
          concurrency: options.concurrency,
          durationMs: options.seconds * 1000,
          maxRequests: 200_000,
        });
        // Idle server processes report their counts within 10 s (PostgreSQL's PGSTAT_IDLE_INTERVAL).
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        const after = await counts();
        out.push({
          ...result,
          setup,
          instances: instances.length,
          primaryTransactions: (after[0] ?? 0) - (before[0] ?? 0),
          replicaTransactions: (after[1] ?? 0) - (before[1] ?? 0),
        });
      }
      return out;
    };
    const single = await start("single");
    const cases = await measure("one instance, primary only", [single]);
    // A second instance on the primary alone: what the second instance adds without the replica.
    const second = await start("second");
    cases.push(...(await measure("two instances, primary only", [single, second])));
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    const readEnv = { DATABASE_READ_URL: pair.replica.url(DATABASE) };
    const both = [await start("a", readEnv), await start("b", readEnv)];
    cases.push(...(await measure("two instances, primary + replica", both)));
    return cases;
  } finally {
    await Promise.all(apps.map((app) => app.stop().catch(() => undefined)));
    pair.stop();
  }
}
