// Global setup of the integration tests: checks the PostgreSQL server is there and, at the end, drops
// every database this run created.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ADMIN_URL, dropRunDatabases } from "./databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(3).toString("hex");
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The integration tests need the PostgreSQL server at ${ADMIN_URL} (set FTZ_TEST_PG_ADMIN_URL): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  project.provide("runId", runId);
  return async () => dropRunDatabases(runId);
}
