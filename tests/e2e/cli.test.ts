// `npm run import` from the command line: straight into a PostgreSQL server, and — while the app holds
// the embedded database — through the running app, or refused with what to do.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIXTURES } from "../support/fixtures";

function runImport(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", FTZ_ADMIN_TOKEN: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const base = path.join(FIXTURES, "base");

describe("npm run import", () => {
  it("imports a folder into the PostgreSQL server directly, and reports a dry run", async () => {
    const env = { DATABASE_URL: inject("pgDatabaseUrl") };
    const dry = runImport([base, path.join(FIXTURES, "gb18030", "observations.csv"), "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Dry run: nothing was written.");
    const real = runImport([base, path.join(FIXTURES, "gb18030", "observations.csv"), "--actor", "CLI test"], env);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/observations\s+2\s+0\s+0\s+0/);
    expect(real.out).toMatch(/Imported \(import #\d+\)/);
  });

  it("exits 1 and lists the problem when a row is rejected", () => {
    const result = runImport([path.join(FIXTURES, "errors", "unit-mismatch.csv")], { DATABASE_URL: inject("pgDatabaseUrl") });
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "✗ unit-mismatch.csv row 2 (unit): Unit '亿美元' measures USD, but indicator 'synthetic_trade' is measured in CNY",
    );
    expect(result.out).toContain("Nothing was written");
  });

  it("refuses to open the embedded database behind the running app's back, saying what to do", () => {
    const result = runImport([base, "--dry-run"], { FTZ_DATA_DIR: inject("e2eDataDir") });
    expect(result.code).toBe(2);
    expect(result.out).toMatch(
      /The app is running on the embedded database \(port \d+\), and only one process may open it\. Set FTZ_ADMIN_TOKEN/,
    );
  });

  it("goes through the running app when it has the admin token", () => {
    const result = runImport([base, "--json"], { FTZ_DATA_DIR: inject("e2eDataDir"), FTZ_ADMIN_TOKEN: inject("adminToken") });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { committed: boolean; files: string[] };
    expect(summary).toMatchObject({ committed: true, files: ["indicators.csv", "zones.csv"] });
  });

  it("explains a missing file and bad options", () => {
    expect(runImport(["no-such-file.csv"], {}).out).toContain("No such file or folder: no-such-file.csv");
    const bad = runImport([base, "--force"], {});
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("Unknown option --force");
  });
});
