// Chart images by URL: the compare view's parameters in, an SVG or PNG out — the same chart model the
// compare page draws. Rendered images are kept in memory by (parameters, data version), so a report
// that embeds the link costs one render per data change.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.ts";
import { loadComparison } from "../db/queries/series.ts";
import { dataState } from "../db/queries/version.ts";
import { chartModel, type ChartModel } from "../domain/chart-model.ts";
import { AppError } from "../errors.ts";
import { chartWords } from "../i18n/chart-words.ts";
import { svgLabels } from "../i18n/export-words.ts";
import { describeSeriesError } from "../i18n/series.ts";
import type { ChartParams } from "../validation/chart.ts";
import type { SeriesParams } from "../validation/series.ts";
import type { Locale } from "../domain/format.ts";
import { boundedMemo } from "../memo.ts";
import { chartPng, chartSvg } from "./chart-image.ts";
import { seriesJson } from "./series.ts";
import { localName } from "../domain/figures.ts";

export type ChartImage = { body: Uint8Array | string; contentType: string; etag: string; fileName: string };

const images = boundedMemo<ChartImage>(100);
const seriesBodies = boundedMemo<string>(100);

/** The comparison of a series view, or a 400 saying why the data cannot answer it (in the reader's language). */
export async function comparisonOrThrow(prisma: PrismaClient, view: SeriesParams, locale: Locale) {
  const { data, comparison } = await loadComparison(prisma, view);
  if ("problem" in comparison) {
    const zone = data.zones.find((z) => z.code === comparison.problem.zone);
    const name = zone ? localName(zone, locale) : "";
    throw new AppError("bad_request", describeSeriesError(comparison.problem.error, locale, name), {
      parameter: comparison.problem.error.code === "mixed_bases" ? "basis" : "transform",
      reason: comparison.problem.error,
    });
  }
  return { data, comparison };
}

/**
 * The JSON body of `GET /api/series` for a view, kept in memory under `etag` (which names the data
 * version and the whole query): a dashboard asking the same question again costs no query.
 */
export function seriesBody(prisma: PrismaClient, view: SeriesParams, locale: Locale, etag: string): Promise<string> {
  return seriesBodies(prisma, etag, async () => {
    const { data, comparison } = await comparisonOrThrow(prisma, view, locale);
    return JSON.stringify(seriesJson(data, comparison.series, comparison.unit, view, locale, comparison.basis));
  });
}

/** The chart model of a compare view, or a 400 saying why the data cannot answer it. */
export async function compareModel(
  prisma: PrismaClient,
  params: Omit<ChartParams, "width" | "height" | "scale">,
  asOf: string | null = null,
): Promise<ChartModel> {
  const { lang, chart: _chart, ...view } = params;
  const locale = lang ?? "en";
  const { data, comparison } = await comparisonOrThrow(prisma, view, locale);
  return chartModel(data, comparison.series, comparison.unit, { ...view, asOf }, locale, chartWords(locale));
}

export async function compareImage(
  prisma: PrismaClient,
  params: ChartParams,
  format: "svg" | "png",
  ifNoneMatch: string | null,
): Promise<ChartImage | "not-modified"> {
  const { version, asOf } = await dataState(prisma);
  const etag = `"${createHash("sha1").update(JSON.stringify({ params, format, version })).digest("base64url")}"`;
  if (ifNoneMatch === etag) return "not-modified";
  return images(prisma, etag, async () => {
    const model = await compareModel(prisma, params, asOf);
    const locale = params.lang ?? "en";
    const options = { width: params.width, height: params.height, type: params.chart, locale, labels: svgLabels(locale) };
    const fileName = `ftz-monitor-${params.indicator}-${params.zones.join("-")}${format === "png" ? `@${params.scale}x` : ""}.${format}`;
    return format === "svg"
      ? { body: await chartSvg(model, options), contentType: "image/svg+xml; charset=utf-8", etag, fileName }
      : { body: await chartPng(model, options, params.scale), contentType: "image/png", etag, fileName };
  });
}
