// Who may save a report without signing in, and how much: a setting (FTZ_PUBLIC_REPORTS, on by default
// for one machine), a size per report, a rate per client address, and a ceiling on how many such reports
// the database keeps, so that anonymous storage cannot grow without bound.
import type { PrismaClient } from "../db/generated/client.ts";
import { countVisitorReports } from "../db/queries/reports.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { clientAddress, reportLimiter } from "./limiter.ts";

/** The largest report body a visitor may send (an admin: the API's usual 256 KB). */
export const VISITOR_REPORT_MAX_BYTES = 64 * 1024;
/** The most reports saved without signing in that the database keeps. */
export const MAX_VISITOR_REPORTS = 5000;

export const PRIVATE_REPORTS_MESSAGE =
  "Saving reports without signing in is switched off on this server (FTZ_PUBLIC_REPORTS=false): sign in as an admin, or print the report or download it as PDF without saving it.";

/** Whether visitors may save reports: FTZ_PUBLIC_REPORTS. */
export function arePublicReportsAllowed(): boolean {
  return getEnv().publicReports;
}

/**
 * Lets a visitor (no admin credentials) save one more report, or throws: 401 when public reports are
 * off, 429 with Retry-After past the rate, 507 when the ceiling is reached. Returns what counts the
 * save against the address's rate: call it once the report is stored (a refused body does not count).
 */
export async function admitVisitorReport(request: Request, prisma: PrismaClient, now = Date.now()): Promise<() => void> {
  if (!arePublicReportsAllowed()) throw new AppError("unauthorized", PRIVATE_REPORTS_MESSAGE);
  const limiter = reportLimiter();
  const address = clientAddress(request.headers);
  const wait = limiter.retryAfter(address, now);
  if (wait > 0) {
    throw new AppError("too_many_requests", `Too many reports saved from this address: try again in ${wait} s, or sign in.`, {
      retry_after_seconds: wait,
    });
  }
  if ((await countVisitorReports(prisma)) >= MAX_VISITOR_REPORTS) {
    throw new AppError(
      "insufficient_storage",
      `This server already keeps ${MAX_VISITOR_REPORTS.toLocaleString("en")} reports saved without signing in, as many as it takes: sign in as an admin to save, or print the report or download it as PDF.`,
    );
  }
  return () => limiter.record(address, now);
}
