// One step of the import benchmark, in a process of its own (bench/import-bench.ts), so that the peak
// RSS measured is the import's and not that of what the benchmark did before (creating the template,
// earlier runs, initdb of an embedded database):
//   prepare DATA_DIR            migrates and seeds a new PGlite directory
//   import  DATA_DIR PACKAGE    imports the package into that PGlite directory
//   import  postgresql://… PACKAGE   the same into a PostgreSQL database
// `import` prints {summary, seconds, peakRss, baselineRss} as JSON on its last line.
import { openDatabase, type DatabaseTarget } from "../lib/db/connection.ts";
import { prepareDatabase } from "../lib/bootstrap.ts";
import { importTimed } from "./import-bench.ts";

const [step, where, pkg] = process.argv.slice(2);
if (!where || (step !== "prepare" && step !== "import") || (step === "import" && !pkg)) {
  console.error("Usage: import-step.ts prepare DATA_DIR | import (DATA_DIR | postgresql://…) PACKAGE_DIR");
  process.exit(2);
}
const target: DatabaseTarget = /^postgres(ql)?:\/\//.test(where) ? { url: where } : { dataDir: where };
if (step === "prepare") {
  const db = await openDatabase(target, "benchmark");
  try {
    await prepareDatabase(db, { seed: true });
  } finally {
    await db.close();
  }
} else {
  // Progress as "rows N" lines on standard error, when the benchmark shows it.
  const progress = process.env.FTZ_BENCH_PROGRESS === "1" ? (rows: number) => process.stderr.write(`rows ${rows}\n`) : undefined;
  console.log(JSON.stringify(await importTimed(target, pkg!, progress)));
}
