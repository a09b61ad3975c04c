// GET /api/series — one indicator for several zones, as a chart draws it: basis, frequency,
// transformation and range applied; JSON, CSV or XLSX. A request the data cannot answer is a 400 saying why.
import { createHash } from "node:crypto";
import { getPrisma } from "@/lib/bootstrap";
import { sourceQuotes } from "@/lib/db/queries/series";
import { dataState } from "@/lib/db/queries/version";
import { chartModel } from "@/lib/domain/chart-model";
import { comparisonOrThrow, seriesBody } from "@/lib/export/chart-service";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { SERIES_CSV_COLUMNS, seriesCsvRows, seriesXlsx } from "@/lib/export/series";
import { xlsxResponse } from "@/lib/export/xlsx";
import { handle } from "@/lib/http";
import { chartWords } from "@/lib/i18n/chart-words";
import { parseParams } from "@/lib/validation/params";
import { SERIES_LIST_PARAMS, SeriesQuerySchema } from "@/lib/validation/series";

export const GET = handle(async (request) => {
  const { format, lang, ...params } = parseParams(new URL(request.url), SeriesQuerySchema, SERIES_LIST_PARAMS);
  const locale = lang ?? "en";
  const prisma = await getPrisma();
  // The same question on the same data has the same answer: a repeated request is a 304.
  const { version, asOf } = await dataState(prisma);
  const etag = `W/"${createHash("sha1")
    .update(`${version}|${request.url.split("?")[1] ?? ""}`)
    .digest("base64url")}"`;
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
  if (format !== "csv" && format !== "xlsx") {
    const body = await seriesBody(prisma, params, locale, etag);
    return new Response(body, { headers: { "content-type": "application/json; charset=utf-8", etag, "cache-control": "no-cache" } });
  }
  const { data, comparison } = await comparisonOrThrow(prisma, params, locale);
  const file = `ftz-monitor-${params.indicator}`;
  if (format === "csv")
    return csvResponse(toCsv(SERIES_CSV_COLUMNS, seriesCsvRows(data, comparison.series, comparison.unit)), `${file}.csv`);
  const model = chartModel(data, comparison.series, comparison.unit, { ...params, axis: "date", asOf }, locale, chartWords(locale));
  const quotes = await sourceQuotes(prisma, params.indicator, params.zones);
  return xlsxResponse(await seriesXlsx(model, data, comparison.series, comparison.unit, quotes), `${file}.xlsx`);
});
