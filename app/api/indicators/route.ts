// GET /api/indicators — every indicator with its base unit, kind and definition; JSON or CSV.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators, type IndicatorRow } from "@/lib/db/queries/catalog";
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
  "unit",
  "kind",
  "category",
  "description",
  "observations",
] as const satisfies readonly (keyof IndicatorRow)[];

export const GET = handle(async (request) => {
  const { format } = parseParams(new URL(request.url), Params);
  const indicators = await listIndicators(await getPrisma());
  const rows = indicators.map((i) => COLUMNS.map((c) => i[c]));
  if (format === "csv") return csvResponse(toCsv(COLUMNS, rows), "ftz-monitor-indicators.csv");
  if (format === "xlsx")
    return xlsxResponse(
      await xlsxBuffer([{ name: "Indicators", columns: COLUMNS.map((header) => ({ header })), rows }], []),
      "ftz-monitor-indicators.xlsx",
    );
  return json({ data: indicators });
});
