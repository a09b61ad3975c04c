// GET /api/zones — every zone with its parent and how many figures it has; JSON or CSV.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { listZones, type ZoneRow } from "@/lib/db/queries/catalog";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";
import { xlsxBuffer, xlsxResponse } from "@/lib/export/xlsx";

const Params = z.object({ format: FormatParam.optional() });
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
] as const satisfies readonly (keyof ZoneRow)[];

export const GET = handle(async (request) => {
  const { format } = parseParams(new URL(request.url), Params);
  const zones = await listZones(await getPrisma());
  const rows = zones.map((z) => COLUMNS.map((c) => z[c]));
  if (format === "csv") return csvResponse(toCsv(COLUMNS, rows), "ftz-monitor-zones.csv");
  if (format === "xlsx")
    return xlsxResponse(
      await xlsxBuffer([{ name: "Zones", columns: COLUMNS.map((header) => ({ header })), rows }], []),
      "ftz-monitor-zones.xlsx",
    );
  return json({ data: zones });
});
