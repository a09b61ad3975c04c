// GET /api/alerts — alerts found in the data (behind target, year-on-year fall, overdue release,
// implausible figure), most pressing first; JSON, CSV or an Atom feed (format=atom).
import { after } from "next/server";
import { listAlerts, refreshIfOld } from "@/lib/alerts/service";
import { ALERT_COLUMNS, alertCells, alertsAtom } from "@/lib/alerts/views";
import { getPrisma } from "@/lib/bootstrap";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { handle, json } from "@/lib/http";
import { alertView, describeAlert } from "@/lib/i18n/alert-words";
import { AlertParamsSchema } from "@/lib/validation/monitor";
import { parseParams } from "@/lib/validation/params";

export const GET = handle(async (request) => {
  const url = new URL(request.url);
  const params = parseParams(url, AlertParamsSchema);
  const prisma = await getPrisma();
  after(() => refreshIfOld(prisma));
  const alerts = await listAlerts(prisma, { state: params.state ?? "open", kind: params.kind, zone: params.zone });
  const locale = params.lang ?? "en";
  if (params.format === "atom")
    return new Response(alertsAtom(alerts, url.origin, locale, url.toString()), {
      headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "no-cache" },
    });
  if (params.format === "csv")
    return csvResponse(
      toCsv(
        ALERT_COLUMNS,
        alerts.map((a) => alertCells(a, locale, url.origin)),
      ),
      "ftz-monitor-alerts.csv",
    );
  return json({
    data: alerts.map((alert) => ({ ...alert, ...describeAlert(alert, locale), chart: `/compare?${alertView(alert)}` })),
  });
});
