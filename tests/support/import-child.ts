// A process that imports one file and reports its progress on stdout, for the test that kills an
// import midway (tests/integration/import-kill.test.ts). Usage: import-child.ts <url-or-dir> <file>
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../lib/db/connection.ts";
import { importPackage } from "../../lib/import/run.ts";

const [target = "", file = ""] = process.argv.slice(2);
const db = await openDatabase(target.startsWith("postgresql://") ? { url: target } : { dataDir: target }, "test import");
await importPackage(db.prisma, [{ name: path.basename(file), open: () => fs.createReadStream(file) }], {
  dryRun: false,
  actor: "test",
  channel: "cli",
  onProgress: (p) => process.stdout.write(`${p.stage} ${p.rows}\n`),
});
process.stdout.write("committed\n");
await db.close();
