// An import killed midway (SIGKILL: no handler runs, no rollback is sent) leaves no partial rows, on
// both databases: the staged and merged chunks were never committed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { importPackage } from "@/lib/import/run";
import { copiedDataDir, freshServerUrl } from "../support/databases";
import { fixtureFiles } from "../support/fixtures";
import { largeText } from "../support/large-package";

const ROWS = 200_000;

/** Runs the child import and kills it once it has read `rows` rows (so at least two chunks were merged). */
function importAndKill(target: string, file: string, rows: number): Promise<{ lastSeen: number; committed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "support", "import-child.ts"), target, file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let lastSeen = 0;
    let committed = false;
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "committed") committed = true;
        const seen = Number(line.split(" ")[1]);
        if (Number.isFinite(seen)) lastSeen = Math.max(lastSeen, seen);
      }
      if (lastSeen >= rows && child.exitCode === null) child.kill("SIGKILL");
    });
    child.once("error", reject);
    child.once("exit", () => resolve({ lastSeen, committed }));
  });
}

describe.each([
  { name: "PGlite", target: async (): Promise<DatabaseTarget> => ({ dataDir: await copiedDataDir() }) },
  { name: "PostgreSQL", target: async (): Promise<DatabaseTarget> => ({ url: freshServerUrl() }) },
])("a killed import on $name", ({ target }) => {
  it("leaves no partial rows, and the next import runs", async () => {
    const where = await target();
    const db = await openDatabase(where, "test");
    await prepareDatabase(db, { seed: true });
    await importPackage(db.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), { dryRun: false, actor: "test", channel: "cli" });
    const before = { observations: await db.prisma.observation.count(), imports: await db.prisma.import.count() };
    await db.close();

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-kill-")), "observations.csv");
    fs.writeFileSync(file, largeText(ROWS));
    const outcome = await importAndKill("url" in where ? where.url : where.dataDir, file, 120_000);
    expect(outcome.committed).toBe(false);
    expect(outcome.lastSeen).toBeGreaterThanOrEqual(120_000);

    const after = await openDatabase(where, "test");
    try {
      expect({ observations: await after.prisma.observation.count(), imports: await after.prisma.import.count() }).toEqual(before);
      expect(await after.prisma.source.count({ where: { title: { startsWith: "Synthetic Daily" } } })).toBe(0);
      const again = await importPackage(after.prisma, [{ name: "observations.csv", open: () => fs.createReadStream(file) }], {
        dryRun: false,
        actor: "test",
        channel: "cli",
      });
      expect(again.tables.observations).toEqual({ new: ROWS, revised: 0, unchanged: 0, rejected: 0 });
    } finally {
      await after.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
