// One step of the embedded (PGlite) import benchmark, in a process of its own (bench/import-bench.ts):
//   prepare DATA_DIR         migrates and seeds a new PGlite directory
//   import DATA_DIR PACKAGE  imports the package into it; prints {seconds, peakRss, baselineRss} as JSON
import { openDatabase } from "../lib/db/connection.ts";
import { prepareDatabase } from "../lib/bootstrap.ts";
import { importTimed } from "./import-bench.ts";

const [step, dataDir, pkg] = process.argv.slice(2);
if (!dataDir || (step !== "prepare" && step !== "import") || (step === "import" && !pkg)) {
  console.error("Usage: embedded-import.ts prepare DATA_DIR | import DATA_DIR PACKAGE_DIR");
  process.exit(2);
}
if (step === "prepare") {
  const db = await openDatabase({ dataDir }, "benchmark");
  try {
    await prepareDatabase(db, { seed: true });
  } finally {
    await db.close();
  }
} else {
  const { seconds, peakRss, baselineRss } = await importTimed({ dataDir }, pkg!);
  console.log(JSON.stringify({ seconds, peakRss, baselineRss }));
}
