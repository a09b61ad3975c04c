// GET /api/coverage — how many figures exist per zone, indicator, basis and year; JSON, CSV or XLSX.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { getCoverage } from "@/lib/db/queries/coverage";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { xlsxBuffer, xlsxResponse } from "@/lib/export/xlsx";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";

const Params = z.object({ format: FormatParam.optional() });
const COLUMNS = ["zone", "indicator", "basis", "year", "figures"] as const;

export const GET = handle(async (request) => {
  const { format } = parseParams(new URL(request.url), Params);
  const rows = (await getCoverage(await getPrisma())).map((r) => [r.zone, r.indicator, r.basis, r.year, r.n]);
  if (format === "csv") return csvResponse(toCsv(COLUMNS, rows), "ftz-monitor-coverage.csv");
  if (format === "xlsx")
    return xlsxResponse(
      await xlsxBuffer([{ name: "Coverage", columns: COLUMNS.map((header) => ({ header })), rows }], []),
      "ftz-monitor-coverage.xlsx",
    );
  return json({ data: rows.map(([zone, indicator, basis, year, figures]) => ({ zone, indicator, basis, year, figures })) });
});
