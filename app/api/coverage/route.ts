// GET /api/coverage — how many figures exist per zone, indicator, basis and year; JSON, CSV or XLSX.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { getCoverage } from "@/lib/db/queries/coverage";
import { coverageGrid } from "@/lib/domain/coverage";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { xlsxBuffer, xlsxResponse } from "@/lib/export/xlsx";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";

const Params = z.object({ format: FormatParam.optional() });
// The downloads: one row per zone × indicator × year, gaps included (bases empty, figures 0).
const COLUMNS = ["zone", "indicator", "year", "bases", "figures"] as const;

export const GET = handle(async (request) => {
  const { format } = parseParams(new URL(request.url), Params);
  const counts = await getCoverage(await getPrisma());
  const rows = coverageGrid(counts).map((r) => [r.zone, r.indicator, r.year, r.bases.join(";"), r.figures]);
  if (format === "csv") return csvResponse(toCsv(COLUMNS, rows), "ftz-monitor-coverage.csv");
  if (format === "xlsx")
    return xlsxResponse(
      await xlsxBuffer(
        [
          {
            name: "Coverage",
            columns: COLUMNS.map((header) => ({ header, ...(header === "figures" ? { kind: "number" as const } : {}) })),
            rows,
          },
        ],
        [],
      ),
      "ftz-monitor-coverage.xlsx",
    );
  return json({ data: counts.map((r) => ({ zone: r.zone, indicator: r.indicator, basis: r.basis, year: r.year, figures: r.n })) });
});
