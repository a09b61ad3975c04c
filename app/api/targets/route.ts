// GET /api/targets — every annual target (of one year with ?year=); JSON, CSV or XLSX.
// POST /api/targets — an admin sets a target: checked and recorded exactly as an imported one
// (a second target for the same zone, indicator and year revises the first). 422 with the reasons.
import { requireAdminRequest } from "@/lib/auth/server";
import { saveTarget } from "@/lib/alerts/targets";
import { getPrisma } from "@/lib/bootstrap";
import { listTargets } from "@/lib/db/queries/monitor";
import { AppError } from "@/lib/errors";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json, readJson } from "@/lib/http";
import { summaryStatus } from "@/lib/import/upload";
import { MonitorParamsSchema, TargetBodySchema } from "@/lib/validation/monitor";
import { parseParams } from "@/lib/validation/params";

const COLUMNS = [
  "id",
  "zone",
  "indicator",
  "year",
  "target",
  "unit",
  "published_value",
  "published_unit",
  "source_title",
  "source_url",
] as const;

export const GET = handle(async (request) => {
  const { year, format, lang } = parseParams(new URL(request.url), MonitorParamsSchema.pick({ year: true, format: true, lang: true }));
  const targets = await listTargets(await getPrisma(), year);
  const rows = targets.map((t) => [
    t.id,
    t.zone.code,
    t.indicator.code,
    t.year,
    t.target,
    t.indicator.unit,
    t.publishedValue,
    t.publishedUnit,
    t.source?.title ?? null,
    t.source?.url ?? null,
  ]);
  if (format === "csv" || format === "xlsx") {
    const sources = targets.flatMap((t) => (t.source ? [{ ...t.source, publishedOn: null }] : []));
    return tableResponse(format, { file: "ftz-monitor-targets", sheet: "targets", columns: COLUMNS, rows, sources }, lang);
  }
  return json({ data: targets.map(({ zoneId: _z, indicatorId: _i, ...t }) => t) });
});

export const POST = handle(async (request) => {
  const admin = await requireAdminRequest(request);
  const parsed = TargetBodySchema.safeParse(await readJson(request, "the target"));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", `Target ${issue?.path.join(".") || "body"}: ${issue?.message ?? "is invalid"}`);
  }
  const summary = await saveTarget(await getPrisma(), parsed.data, admin.actor);
  return json(summary, { status: summaryStatus(summary) });
});
