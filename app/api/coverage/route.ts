// GET /api/coverage — how many figures exist per zone, indicator, basis and year; JSON, CSV or XLSX.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { getCoverage } from "@/lib/db/queries/coverage";
import { coverageGrid } from "@/lib/domain/coverage";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";
import { LangParam } from "@/lib/validation/lang";

const Params = z.object({ format: FormatParam.optional(), lang: LangParam.optional() });
// The downloads: one row per zone × indicator × year, gaps included (bases empty, figures 0).
const COLUMNS = ["zone", "indicator", "year", "bases", "figures"] as const;

export const GET = handle(async (request) => {
  const { format, lang } = parseParams(new URL(request.url), Params);
  const counts = await getCoverage(await getPrisma());
  if (format === "csv" || format === "xlsx") {
    const rows = coverageGrid(counts).map((r) => [r.zone, r.indicator, r.year, r.bases.join(";"), r.figures]);
    const columns = COLUMNS.map((code) => (code === "figures" ? { code, kind: "number" as const } : code));
    return tableResponse(format, { file: "ftz-monitor-coverage", sheet: "coverage", columns, rows }, lang);
  }
  return json({ data: counts.map((r) => ({ zone: r.zone, indicator: r.indicator, basis: r.basis, year: r.year, figures: r.n })) });
});
