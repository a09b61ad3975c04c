// npm run bench [-- --observations 1000000] [--only import,api,pages,load,replicas,export,js,lighthouse] [--skip-lighthouse] [--keep] …
// The performance benchmark: imports a synthetic package (generated when missing) into its own PostgreSQL
// database, starts the app on it (scripts/start.mjs in this folder, port 3100), measures the APIs, pages,
// chart exports, first-load JavaScript and Lighthouse scores, and writes bench/results/latest.{json,md}.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCHMARKS, parseCount, parseOnly, type Benchmark } from "../bench/args.ts";
import {
  benchDatabaseName,
  copyDatabase,
  databaseExists,
  databaseUrl,
  DEFAULT_ADMIN_URL,
  dropDatabase,
  serverVersion,
} from "../bench/database.ts";
import { benchExports, benchJs, benchObservations, benchPages, benchSeries, compareQuery, type CompareCase } from "../bench/http-bench.ts";
import { analyze, benchImport, importInto, prepareTemplate } from "../bench/import-bench.ts";
import { lighthouse } from "../bench/lighthouse.ts";
import { benchLoad } from "../bench/load.ts";
import { benchReplicas } from "../bench/replicas.ts";
import { consoleTable, markdown, summaryRows, type BenchResults } from "../bench/report.ts";
import { startApp, type AppServer } from "../bench/server.ts";
import { readManifest, writeSyntheticPackage, type PackageManifest } from "../bench/synthetic.ts";
import { openDatabase, type Database } from "../lib/db/connection.ts";

const USAGE = `Usage: npm run bench -- [options]
  --observations N      synthetic observations to import (default 1000000; e.g. 100000 for a quick run)
  --seed N              generator seed (default 42)
  --data DIR            the synthetic package (default bench/data/pkg; generated when missing or of another size)
  --only LIST           some of ${BENCHMARKS.join(",")} (default: all)
  --skip-lighthouse     leave Lighthouse out
  --keep                keep the benchmark database (its name is printed); reuse it with --db
  --db NAME             use an already loaded database instead of importing (not with the import benchmark)
  --import-runs N       imports to take the median of (default 3)
  --skip-embedded       leave out the import into the embedded database (PGlite)
  --requests N          requests per API case (default 30)
  --page-requests N     requests per page and per export (default 10)
  --lighthouse-runs N   Lighthouse runs per page (default 3)
  --load-seconds N      seconds per load case (default 10)
  --load-clients N      concurrent clients of the load cases (default 16)
  --port N              port of the app (default 3100)
  --pg URL              PostgreSQL admin URL (default $FTZ_BENCH_PG_URL or ${DEFAULT_ADMIN_URL})
  --out DIR             where latest.json and latest.md go (default bench/results)`;

type Options = {
  observations: number;
  seed: number;
  data: string;
  only: Benchmark[];
  keep: boolean;
  db: string | undefined;
  importRuns: number;
  skipEmbedded: boolean;
  requests: number;
  pageRequests: number;
  lighthouseRuns: number;
  loadSeconds: number;
  loadClients: number;
  port: number;
  adminUrl: string;
  out: string;
};

function parseArgs(argv: string[]): Options {
  const o: Options = {
    observations: 1_000_000,
    seed: 42,
    data: "bench/data/pkg",
    only: [...BENCHMARKS],
    keep: false,
    db: undefined,
    importRuns: 3,
    skipEmbedded: false,
    requests: 30,
    pageRequests: 10,
    lighthouseRuns: 3,
    loadSeconds: 10,
    loadClients: 16,
    port: 3100,
    adminUrl: process.env.FTZ_BENCH_PG_URL || DEFAULT_ADMIN_URL,
    out: "bench/results",
  };
  let skipLighthouse = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value.\n${USAGE}`);
      return next;
    };
    if (arg === "--observations" || arg === "-n") o.observations = parseCount(value(), arg);
    else if (arg === "--seed") o.seed = parseCount(value(), arg, 0);
    else if (arg === "--data") o.data = value();
    else if (arg === "--only") o.only = parseOnly(value());
    else if (arg === "--skip-lighthouse") skipLighthouse = true;
    else if (arg === "--keep") o.keep = true;
    else if (arg === "--db") o.db = value();
    else if (arg === "--import-runs") o.importRuns = parseCount(value(), arg);
    else if (arg === "--skip-embedded") o.skipEmbedded = true;
    else if (arg === "--requests") o.requests = parseCount(value(), arg);
    else if (arg === "--page-requests") o.pageRequests = parseCount(value(), arg);
    else if (arg === "--lighthouse-runs") o.lighthouseRuns = parseCount(value(), arg);
    else if (arg === "--load-seconds") o.loadSeconds = parseCount(value(), arg);
    else if (arg === "--load-clients") o.loadClients = parseCount(value(), arg);
    else if (arg === "--port") o.port = parseCount(value(), arg);
    else if (arg === "--pg") o.adminUrl = value();
    else if (arg === "--out") o.out = value();
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}.\n${USAGE}`);
  }
  if (skipLighthouse) o.only = o.only.filter((b) => b !== "lighthouse");
  if (o.db && o.only.includes("import"))
    throw new Error("--db reuses a loaded database: leave out the import benchmark (--only api,pages,…)");
  if (o.only.length === 0) throw new Error("Nothing to run.");
  return o;
}

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function commitOf(root: string): string {
  if (process.env.FTZ_BENCH_COMMIT) return process.env.FTZ_BENCH_COMMIT;
  try {
    const commit = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync("git", ["-C", root, "status", "--porcelain"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}

async function ensurePackage(o: Options): Promise<PackageManifest> {
  const dir = path.resolve(o.data);
  const existing = readManifest(dir);
  if (existing && existing.observations === o.observations && existing.seed === o.seed) {
    log(`using the synthetic package in ${o.data} (${existing.observations.toLocaleString("en")} observations, seed ${existing.seed})`);
    return existing;
  }
  log(`generating ${o.observations.toLocaleString("en")} synthetic observations (seed ${o.seed}) into ${o.data} …`);
  const manifest = await writeSyntheticPackage({ observations: o.observations, seed: o.seed, outDir: dir });
  log(`  ${manifest.zones} zones, observations.csv ${((manifest.files["observations.csv"] ?? 0) / 1024 / 1024).toFixed(0)} MB`);
  return manifest;
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  process.chdir(root);
  const o = parseArgs(process.argv.slice(2));
  const has = (b: Benchmark) => o.only.includes(b);
  const manifest = o.db ? readManifest(path.resolve(o.data)) : await ensurePackage(o);
  const compare: CompareCase = {
    indicator: "bench_import_export",
    zones: ["synthetic-zone-001", "synthetic-zone-002"],
    basis: "period",
    freq: "month",
    from: "2006",
    to: "2025",
  };
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      observations: manifest?.observations ?? o.observations,
      seed: manifest?.seed ?? o.seed,
      zones: manifest?.zones ?? 0,
      commit: commitOf(root),
      node: process.versions.node,
      cpu: os.cpus()[0]?.model.trim() ?? "?",
      cores: os.cpus().length,
      memoryGb: os.totalmem() / 1024 ** 3,
      postgres: await serverVersion(o.adminUrl),
      benchmarks: o.only,
      requests: {
        api: o.requests,
        pages: o.pageRequests,
        exports: o.pageRequests,
        importRuns: o.importRuns,
        lighthouseRuns: o.lighthouseRuns,
        loadSeconds: o.loadSeconds,
        loadClients: o.loadClients,
      },
      durationSeconds: 0,
    },
  };

  const name = o.db ?? benchDatabaseName();
  const created: string[] = [];
  let app: AppServer | undefined;
  let prismaDb: Database | undefined;
  const cleanUp = async () => {
    await prismaDb?.close().catch(() => undefined);
    prismaDb = undefined;
    await app?.stop().catch(() => undefined);
    app = undefined;
    for (const db of created.splice(0)) {
      if (o.keep && db === name) continue;
      await dropDatabase(o.adminUrl, db).catch((error: unknown) => console.error(`could not drop ${db}:`, error));
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the app and dropping the benchmark databases …`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  // The read-scaling case brings its own primary and replica; alone, it needs no benchmark database here.
  const onMainDatabase = o.only.filter((b) => b !== "replicas");
  try {
    if (!onMainDatabase.length) log("read scaling only: no benchmark database on the main server");
    else if (o.db) {
      if (!(await databaseExists(o.adminUrl, o.db))) throw new Error(`There is no database ${o.db} on ${o.adminUrl}`);
      log(`using the loaded database ${o.db}`);
    } else {
      const template = `${name}_template`;
      log(`creating ${template} (migrations and the seed packages) …`);
      created.push(template);
      await prepareTemplate(o.adminUrl, template);
      created.push(name);
      if (has("import")) {
        log(`import: ${o.importRuns} run(s) of ${o.observations.toLocaleString("en")} observations, each into a fresh copy`);
        for (let run = 0; run < o.importRuns - 1; run += 1) created.push(`${name}_run${run}`);
        results.import = await benchImport({
          adminUrl: o.adminUrl,
          template,
          keepAs: name,
          dir: path.resolve(o.data),
          observations: o.observations,
          runs: o.importRuns,
          embedded: !o.skipEmbedded,
          log,
        });
      } else {
        log(`loading the package into ${name} (not timed) …`);
        await copyDatabase(o.adminUrl, template, name);
        await importInto(o.adminUrl, name, path.resolve(o.data));
        await analyze(o.adminUrl, name);
      }
      await dropDatabase(o.adminUrl, template);
      created.splice(created.indexOf(template), 1);
    }

    const http = onMainDatabase.filter((b) => b !== "import");
    if (http.length) {
      const url = databaseUrl(o.adminUrl, name);
      log(`starting the app on port ${o.port} (node scripts/start.mjs; builds when the sources changed) …`);
      app = await startApp({
        root,
        databaseUrl: url,
        port: o.port,
        logFile: path.join(os.tmpdir(), `ftz-bench-server-${process.pid}.log`),
        log,
      });
      log(`  the app answers at ${app.url}`);
      const pages = ["/", `/compare?${compareQuery(compare)}`, `/zones/${compare.zones[0]}`, "/data", "/monitor"];
      if (has("js")) {
        log("first-load JavaScript per route …");
        results.js = await benchJs(app.url, [
          "/",
          "/compare",
          `/compare?${compareQuery(compare)}`,
          "/zones",
          "/zones/anhui-ftz",
          `/zones/${compare.zones[0]}`,
          "/events",
          "/indicators",
          "/coverage",
          "/data",
          "/monitor",
          "/reports",
        ]);
      }
      if (has("api")) {
        log(`GET /api/series, ${o.requests} requests per transformation …`);
        const series = await benchSeries(app.url, url, compare, o.requests);
        log(`GET /api/observations, ${o.requests} requests per filter …`);
        prismaDb = await openDatabase({ url }, "benchmark");
        const observations = await benchObservations(app.url, url, prismaDb.prisma, o.requests);
        await prismaDb.close();
        prismaDb = undefined;
        results.api = { series, observations };
      }
      if (has("pages")) {
        log(`pages, ${o.pageRequests} requests each …`);
        results.pages = await benchPages(app.url, pages, o.pageRequests);
      }
      if (has("load")) {
        log(`under load: ${o.loadClients} clients, ${o.loadSeconds} s per case …`);
        results.load = await benchLoad(
          app.url,
          { compare: `/compare?${compareQuery(compare)}`, series: `/api/series?${compareQuery(compare)}&transform=level` },
          { concurrency: o.loadClients, seconds: o.loadSeconds, log },
        );
      }
      if (has("export")) {
        log(`chart export (PNG, SVG), ${o.pageRequests} requests each …`);
        results.exports = await benchExports(app.url, compare, o.pageRequests);
      }
      if (has("lighthouse")) {
        results.lighthouse = [];
        for (const page of ["/", "/compare", "/zones/anhui-ftz", "/data", "/monitor"]) {
          log(`Lighthouse ${page} (${o.lighthouseRuns} run(s)) …`);
          results.lighthouse.push(await lighthouse(app.url, page, o.lighthouseRuns));
        }
      }
      results.serverPeakRssMb = app.peakRssMb();
    }
    if (has("replicas")) {
      // Alone on the machine: the main app is stopped first.
      await app?.stop();
      app = undefined;
      log(
        `read scaling: one instance on a primary vs two with a streaming replica, ${o.loadClients} clients, ${o.loadSeconds} s per case …`,
      );
      results.replicas = await benchReplicas({
        root,
        dir: path.resolve(o.data),
        paths: { series: `/api/series?${compareQuery(compare)}&transform=level` },
        concurrency: o.loadClients,
        seconds: o.loadSeconds,
        log,
      });
    }
  } finally {
    await cleanUp();
  }

  results.meta.durationSeconds = (Date.now() - started) / 1000;
  const out = path.resolve(o.out);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(out, "latest.md"), markdown(results));
  console.log(`\n${consoleTable(summaryRows(results))}\n`);
  log(`results in ${path.relative(process.cwd(), out) || "."}/latest.json and latest.md`);
  if (o.keep && !o.db) log(`kept the database ${name}: reuse it with --db ${name}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
