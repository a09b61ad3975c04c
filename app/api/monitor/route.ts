// GET /api/monitor — progress of every zone against its targets for a year (status, actual,
// pro-rated target, gap, change on a year earlier), most pressing first; JSON, CSV or XLSX.
import { monitorConfig, monitorYear } from "@/lib/alerts/service";
import { PROGRESS_COLUMNS, progressCells } from "@/lib/alerts/views";
import { getPrisma } from "@/lib/bootstrap";
import { loadProgress, targetYears } from "@/lib/db/queries/monitor";
import { toIsoDate } from "@/lib/domain/dates";
import { attentionOrder } from "@/lib/domain/monitor";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json } from "@/lib/http";
import { MonitorParamsSchema } from "@/lib/validation/monitor";
import { parseParams } from "@/lib/validation/params";

export const GET = handle(async (request) => {
  const params = parseParams(new URL(request.url), MonitorParamsSchema);
  const prisma = await getPrisma();
  const today = toIsoDate(new Date());
  const config = monitorConfig();
  const years = await targetYears(prisma);
  const year = monitorYear(years, today, params.year);
  const rows = (await loadProgress(prisma, { year, today, tolerance: config.tolerance })).sort((a, b) =>
    attentionOrder(a.progress, b.progress),
  );
  const locale = params.lang ?? "en";
  if (params.format === "csv" || params.format === "xlsx") {
    const cells = rows.map((row) => progressCells(row, locale));
    const name = `ftz-monitor-targets-${year}`;
    const sources = rows.flatMap((r) => (r.source ? [{ title: r.source.title, url: r.source.url, publishedOn: null }] : []));
    return tableResponse(params.format, { file: name, sheet: "progress", columns: PROGRESS_COLUMNS, rows: cells, sources }, locale);
  }
  return json({ year, years, today, tolerance: config.tolerance, data: rows });
});
