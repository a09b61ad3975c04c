// GET /api/indicators — every indicator with its base unit, kind and definition; JSON or CSV.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators } from "@/lib/db/queries/catalog";
import { indicatorApiRow, type IndicatorApiRow } from "@/lib/export/catalog";
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
  "unit",
  "kind",
  "category",
  "description",
  "observations",
] as const satisfies readonly (keyof IndicatorApiRow)[];

export const GET = handle(async (request) => {
  const { format, lang } = parseParams(new URL(request.url), Params);
  const indicators = (await listIndicators(await getPrisma())).map(indicatorApiRow);
  if (format === "csv" || format === "xlsx") {
    const rows = indicators.map((i) => COLUMNS.map((c) => i[c]));
    const columns = COLUMNS.map((code) => (code === "observations" ? { code, kind: "number" as const } : code));
    return tableResponse(format, { file: "ftz-monitor-indicators", sheet: "indicators", columns, rows }, lang);
  }
  return json({ data: indicators });
});
