// The national page's data: every pilot FTZ (zones of kind ftz) with its province and areas, and the figures
// of the key indicators for the FTZs and their provinces, each with its source. Two queries.
import {
  AREA,
  AREA_ADDED,
  AREA_SHARE,
  FDI_SHARE,
  NATIONAL_INDICATORS,
  type NationalData,
  type NationalFigure,
} from "../../domain/national.ts";
import type { PrismaClient } from "../generated/client.ts";
import { cachedByDataVersion } from "./version.ts";
import type { BaseUnit } from "../../domain/vocabulary.ts";
import { z } from "zod";
import { sourcedFigure, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";
import { toIsoDate } from "../../domain/dates.ts";

const FigureRow = z.object({ zone: text, indicator: text, ...sourcedFigure });

const WANTED = [...NATIONAL_INDICATORS, AREA, AREA_ADDED, AREA_SHARE, FDI_SHARE];

async function getNationalDataUncached(prisma: PrismaClient): Promise<NationalData> {
  const [zones, indicators] = await Promise.all([
    prisma.zone.findMany({
      where: { kind: "ftz" },
      include: { parent: true, children: { where: { kind: "area" }, orderBy: { code: "asc" } } },
      orderBy: { code: "asc" },
    }),
    prisma.indicator.findMany({ where: { code: { in: WANTED } } }),
  ]);
  const counts = await prisma.observation.groupBy({
    by: ["zoneId"],
    where: { zoneId: { in: zones.map((z) => z.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.zoneId, c._count._all]));
  const codes = [...new Set(zones.flatMap((z) => [z.code, ...(z.parent?.kind === "province" ? [z.parent.code] : [])]))];
  const figures = await rawQuery(
    prisma,
    "national.figures",
    `SELECT z.code AS zone, i.code AS indicator, o.basis::text AS basis,
            to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e,
            o.granularity::text AS granularity, o.value, o.qualifier::text AS qualifier, o.status::text AS status,
            src.title, src.url, to_char(src.published_on, 'YYYY-MM-DD') AS published_on, o.quote
       FROM observations o
       JOIN zones z ON z.id = o.zone_id
       JOIN indicators i ON i.id = o.indicator_id
       JOIN sources src ON src.id = o.source_id
      WHERE z.code = ANY({{zones}}::text[]) AND i.code = ANY({{indicators}}::text[])
      ORDER BY o.period_end, o.period_start, o.id`,
    FigureRow,
    { zones: codes, indicators: WANTED },
  );
  return {
    zones: zones.map((z) => ({
      code: z.code,
      nameEn: z.nameEn,
      nameZh: z.nameZh,
      launch: toIsoDate(z.establishedOn),
      areaKm2: z.areaKm2,
      province: z.parent?.kind === "province" ? { code: z.parent.code, nameEn: z.parent.nameEn, nameZh: z.parent.nameZh } : null,
      areas: z.children.map((c) => ({ code: c.code, nameEn: c.nameEn, nameZh: c.nameZh, areaKm2: c.areaKm2 })),
      figureCount: countOf.get(z.id) ?? 0,
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      nameEn: i.nameEn,
      nameZh: i.nameZh,
      unit: i.unit as BaseUnit,
      comparable: i.comparable,
    })),
    figures: figures.map((r): NationalFigure => ({
      zone: r.zone,
      indicator: r.indicator,
      basis: r.basis,
      start: r.s,
      end: r.e,
      granularity: r.granularity,
      value: r.value,
      qualifier: r.qualifier,
      status: r.status,
      source: { title: r.title, url: r.url, publishedOn: r.published_on },
      quote: r.quote,
    })),
  };
}

/** Every FTZ and its key figures (recomputed after each data change). */
export async function getNationalData(prisma: PrismaClient): Promise<NationalData> {
  return cachedByDataVersion(prisma, "national", () => getNationalDataUncached(prisma));
}
