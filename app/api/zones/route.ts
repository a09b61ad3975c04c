// GET /api/zones — every zone with its parent and how many figures it has; JSON or CSV.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { listZones } from "@/lib/db/queries/catalog";
import { zoneApiRow, type ZoneApiRow } from "@/lib/export/catalog";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";
import { LangParam } from "@/lib/validation/lang";

const Params = z.object({ format: FormatParam.optional(), lang: LangParam.optional() });
const COLUMNS = [
  "code",
  "name_en",
  "name_zh",
  "kind",
  "parent",
  "established_on",
  "area_km2",
  "note",
  "observations",
] as const satisfies readonly (keyof ZoneApiRow)[];

export const GET = handle(async (request) => {
  const { format, lang } = parseParams(new URL(request.url), Params);
  const zones = (await listZones(await getPrisma())).map(zoneApiRow);
  if (format === "csv" || format === "xlsx") {
    const rows = zones.map((z) => COLUMNS.map((c) => z[c]));
    const columns = COLUMNS.map((code) => (code === "area_km2" || code === "observations" ? { code, kind: "number" as const } : code));
    return tableResponse(format, { file: "ftz-monitor-zones", sheet: "zones", columns, rows }, lang);
  }
  return json({ data: zones });
});
