// `npm start` as a user runs it: against a PostgreSQL server from an empty database, restarts that keep
// data and seed once, a bad environment that stops with the variable's name, and an unreachable
// database that gives a friendly page instead of a stack trace.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dropRunDatabases, serverUrl, testDatabaseName } from "../support/databases";
import { CHROMIUM_ARGS, chromiumPath } from "../support/chromium";
import { startServer, type RunningServer } from "../support/server";

const runId = `e2e${process.pid}`;
// The Anhui FTZ's new enterprises in H1 2022, a key figure of the overview from the seed data.
const SEED_FIGURE = "7,674";
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await dropRunDatabases(runId);
});

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(sql);
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe("npm start", () => {
  it("serves the seed figures from an empty PostgreSQL database, and seeds once across restarts", async () => {
    const url = serverUrl(testDatabaseName(runId));
    const first = await startServer({ DATABASE_URL: url });
    servers.push(first);
    const html = await (await fetch(first.url)).text();
    expect(html.includes("China (Anhui) Pilot Free Trade Zone"), "the Anhui FTZ on the overview").toBe(true);
    expect(html.includes(SEED_FIGURE), "a seed figure on the overview").toBe(true);
    expect(first.output()).toContain(`database ready (PostgreSQL at 127.0.0.1:5432/${new URL(url).pathname.slice(1)})`);
    await first.stop();

    const second = await startServer({ DATABASE_URL: url });
    servers.push(second);
    expect((await (await fetch(second.url)).text()).includes(SEED_FIGURE)).toBe(true);
    await second.stop();
    // The five seed packages, each imported once: 168 + 72 + 350 figures, and the names of 05-names.
    expect(await count(url, "SELECT count(*)::int AS n FROM imports")).toBe(5);
    expect(await count(url, "SELECT count(*)::int AS n FROM observations")).toBe(590);
  });

  it("keeps the embedded database on disk across a restart", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-restart-")), "data", "pglite");
    const first = await startServer({ DATABASE_URL: "", FTZ_DATA_DIR: dataDir });
    servers.push(first);
    expect((await (await fetch(first.url)).text()).includes(SEED_FIGURE)).toBe(true);
    await first.stop();
    expect(fs.existsSync(dataDir)).toBe(true);
    const second = await startServer({ DATABASE_URL: "", FTZ_DATA_DIR: dataDir });
    servers.push(second);
    expect((await (await fetch(second.url)).text()).includes(SEED_FIGURE)).toBe(true);
    expect(second.output()).toMatch(/database ready \(embedded PGlite at .*pglite\)/);
    await second.stop();
  });

  it("stops at once on an invalid environment, naming the variable", () => {
    const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, DATABASE_URL: "mysql://root@localhost/ftz", PORT: "0" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("DATABASE_URL must be a postgresql:// URL");
  });

  it("explains an unreachable database in the log and shows a friendly page", async () => {
    const server = await startServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/ftz_nowhere" });
    servers.push(server);
    expect(server.output()).toContain("the database is not available");
    expect(server.output()).toContain("nothing is listening there (is the server running?)");
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      const alert = page.locator(".error-page[role=alert]");
      await expect(alert.getByRole("heading").textContent()).resolves.toBe("This page could not be shown");
      const text = (await page.locator("body").innerText()).trim();
      expect(text).toContain("the server's log says why");
      expect(text).not.toMatch(/\bat .+:\d+:\d+/);
      expect(text).not.toContain("DatabaseUnavailableError");
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

// The shared e2e server must be untouched by these starts.
it("left the shared server's embedded database alone", () => {
  expect(fs.existsSync(inject("e2eDataDir"))).toBe(true);
});
