// Runs once when the server starts: opens, migrates and seeds the database, so the first visitor
// does not wait, and says clearly in the log when the database cannot be used.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./lib/bootstrap.ts");
  const started = Date.now();
  try {
    const db = await getDatabase();
    console.log(`ftz-monitor: database ready (${db.location}) in ${Date.now() - started} ms`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `\nftz-monitor: the database is not available.\n${message}\nPages will show an error until this is fixed; the server keeps trying on each request.\n`,
    );
  }
}

/**
 * A page or route failed. When the cause is a failed database connection, the database is marked
 * unavailable, so that the next page requests get a 503 with Retry-After from the proxy (proxy.ts)
 * instead of a 500, until a probe gets through.
 */
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteUnavailable } = await import("./lib/errors.ts");
  noteUnavailable(error);
}
