// Global setup of the browser and API tests: ftz-monitor started the way `npm start` does (built if
// needed), twice — on a fresh embedded database and on a fresh PostgreSQL database — shared by the
// test files. Their URLs and the admin token are provided to the tests.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropRunDatabases, serverUrl, testDatabaseName } from "./databases.ts";
import { startServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    pgBaseUrl: string;
    pgDatabaseUrl: string;
    adminToken: string;
    e2eDataDir: string;
    importMaxBytes: number;
  }
}

export const ADMIN_TOKEN = "e2e-admin-token-0123456789";
export const IMPORT_MAX_BYTES = 64 * 1024;

export default async function setup(project: TestProject) {
  const runId = `e2e${randomBytes(3).toString("hex")}`;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-e2e-"));
  const dataDir = path.join(root, "pglite");
  const databaseUrl = serverUrl(testDatabaseName(runId));
  const common = { FTZ_ADMIN_TOKEN: ADMIN_TOKEN, FTZ_IMPORT_MAX_BYTES: String(IMPORT_MAX_BYTES) };
  // The first start builds when needed; the second reuses that build.
  // Server logs go to test-results/ for reading after a failure.
  fs.mkdirSync("test-results", { recursive: true });
  const embedded = await startServer(
    { ...common, FTZ_DATA_DIR: dataDir, DATABASE_URL: "" },
    undefined,
    "test-results/e2e-server-pglite.log",
  );
  const server = await startServer({ ...common, DATABASE_URL: databaseUrl }, undefined, "test-results/e2e-server-postgresql.log");
  project.provide("baseUrl", embedded.url);
  project.provide("pgBaseUrl", server.url);
  project.provide("pgDatabaseUrl", databaseUrl);
  project.provide("adminToken", ADMIN_TOKEN);
  project.provide("e2eDataDir", dataDir);
  project.provide("importMaxBytes", IMPORT_MAX_BYTES);
  return async () => {
    await Promise.all([embedded.stop(), server.stop()]);
    await dropRunDatabases(runId);
    fs.rmSync(root, { recursive: true, force: true });
  };
}
