// GET /api/series — one indicator for several zones, as a chart draws it: basis, frequency,
// transformation and range applied; JSON, CSV or XLSX. A request the data cannot answer is a 400 saying why.
import { getPrisma } from "@/lib/db/client";
import { loadComparison, sourceQuotes } from "@/lib/db/queries/series";
import { dataState } from "@/lib/db/queries/version";
import { chartModel } from "@/lib/domain/chart-model";
import { AppError } from "@/lib/errors";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { SERIES_CSV_COLUMNS, seriesCsvRows, seriesJson, seriesXlsx } from "@/lib/export/series";
import { xlsxResponse } from "@/lib/export/xlsx";
import { handle, json } from "@/lib/http";
import { chartWords } from "@/lib/i18n/chart-words";
import { describeSeriesError } from "@/lib/i18n/series";
import { parseParams } from "@/lib/validation/params";
import { SERIES_LIST_PARAMS, SeriesQuerySchema } from "@/lib/validation/series";

export const GET = handle(async (request) => {
  const { format, lang, ...params } = parseParams(new URL(request.url), SeriesQuerySchema, SERIES_LIST_PARAMS);
  const locale = lang ?? "en";
  const prisma = await getPrisma();
  const { data, comparison } = await loadComparison(prisma, params);
  if ("problem" in comparison) {
    const zone = data.zones.find((z) => z.code === comparison.problem.zone);
    const parameter = comparison.problem.error.code === "mixed_bases" ? "basis" : "transform";
    const name = zone ? (locale === "zh" && zone.nameZh ? zone.nameZh : zone.nameEn) : "";
    throw new AppError("bad_request", describeSeriesError(comparison.problem.error, locale, name), {
      parameter,
      reason: comparison.problem.error,
    });
  }
  const file = `ftz-monitor-${params.indicator}`;
  if (format === "csv")
    return csvResponse(toCsv(SERIES_CSV_COLUMNS, seriesCsvRows(data, comparison.series, comparison.unit)), `${file}.csv`);
  if (format === "xlsx") {
    const { asOf } = await dataState(prisma);
    const model = chartModel(data, comparison.series, comparison.unit, { ...params, axis: "date", asOf }, locale, chartWords(locale));
    const quotes = await sourceQuotes(prisma, params.indicator, params.zones);
    return xlsxResponse(await seriesXlsx(model, data, comparison.series, comparison.unit, quotes), `${file}.xlsx`);
  }
  return json(seriesJson(data, comparison.series, comparison.unit, params, locale));
});
