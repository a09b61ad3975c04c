// A zone's page: its profile, areas, events, and every indicator it or its areas have figures for,
// as comparison data (one query for all the figures).
import type { CompareData, CompareZone } from "../../domain/compare.ts";
import type { PrismaClient } from "../generated/client.ts";
import { boundedMemo } from "../../memo.ts";
import { AREA_ADDED_INDICATOR, AREA_INDICATOR, compareIndicator, OBS_COLUMNS, ObsRowSchema, toObservation, type ObsRow } from "./series.ts";
import { rawQuery } from "../raw.ts";
import { dataVersion } from "./version.ts";
import type { Zone } from "../../domain/catalog.ts";
import { toIsoDate, type IsoDate } from "../../domain/dates.ts";

type ZoneHead = Pick<Zone, "code" | "nameEn" | "nameZh" | "kind" | "areaKm2"> & { launch: IsoDate | null };

export type ZoneProfile = ZoneHead & {
  note: string | null;
  parent: Pick<Zone, "code" | "nameEn" | "nameZh"> | null;
  children: (ZoneHead & { figures: number })[];
  figures: number;
};

type Row = ObsRow;

export type ZonePage = { profile: ZoneProfile; datasets: CompareData[] };

// A zone's figures are read once per data version; a few zones are kept (a zone with twenty years of monthly
// figures is a few megabytes of objects).
const zonePages = boundedMemo<ZonePage | undefined>(24);

export async function getZonePage(prisma: PrismaClient, code: string): Promise<ZonePage | undefined> {
  const version = await dataVersion(prisma);
  return zonePages(prisma, `${version}|${code}`, () => readZonePage(prisma, code));
}

async function readZonePage(prisma: PrismaClient, code: string): Promise<ZonePage | undefined> {
  const zone = await prisma.zone.findUnique({ where: { code }, include: { parent: true, children: { orderBy: { code: "asc" } } } });
  if (!zone) return undefined;
  const members = [zone, ...zone.children];
  const memberIds = members.map((z) => z.id);
  const parentIds = [...new Set(members.map((z) => z.parentId).filter((id): id is number => id !== null))];
  const rows = await rawQuery(
    prisma,
    "zone.figures",
    `SELECT ${OBS_COLUMNS} FROM observations o WHERE o.zone_id = ANY({{zones}}::int[]) ORDER BY o.period_end, o.period_start`,
    ObsRowSchema,
    { zones: [...memberIds, ...parentIds] },
  );
  const indicatorIds = [...new Set(rows.filter((r) => memberIds.includes(r.zone_id)).map((r) => r.indicator_id))];
  const [indicators, sources, events] = await Promise.all([
    prisma.indicator.findMany({ where: { id: { in: indicatorIds } } }),
    prisma.source.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.source_id))] } } }),
    prisma.event.findMany({
      where: { zoneId: { in: memberIds } },
      include: { zone: { select: { code: true } } },
      orderBy: { occurredOn: "asc" },
    }),
  ]);
  const areaIndicator = await prisma.indicator.findMany({ where: { code: { in: [AREA_INDICATOR, AREA_ADDED_INDICATOR] } } });
  const areaId = areaIndicator.find((i) => i.code === AREA_INDICATOR)?.id;
  const addedId = areaIndicator.find((i) => i.code === AREA_ADDED_INDICATOR)?.id;
  // Rows by zone and by zone and indicator, so each dataset picks its figures without scanning them all.
  const byZone = new Map<number, Row[]>();
  const bySeries = new Map<string, Row[]>();
  for (const r of rows) {
    const own = byZone.get(r.zone_id);
    if (own) own.push(r);
    else byZone.set(r.zone_id, [r]);
    const key = `${r.zone_id}|${r.indicator_id}`;
    const list = bySeries.get(key);
    if (list) list.push(r);
    else bySeries.set(key, [r]);
  }
  const figuresOf = (id: number) => byZone.get(id)?.length ?? 0;
  const seriesOf = (zoneId: number | null, indicatorId: number | undefined) =>
    zoneId === null || indicatorId === undefined ? [] : (bySeries.get(`${zoneId}|${indicatorId}`) ?? []);

  const datasets: CompareData[] = indicators.map((indicator) => {
    const of = (zoneId: number | null) => seriesOf(zoneId, indicator.id).map(toObservation);
    const zones: CompareZone[] = members.map((member) => ({
      code: member.code,
      nameEn: member.nameEn,
      nameZh: member.nameZh,
      kind: member.kind,
      parentCode: member.id === zone.id ? (zone.parent?.code ?? null) : zone.code,
      launch: toIsoDate(member.establishedOn),
      areaKm2: member.areaKm2,
      areaLevels: seriesOf(member.id, areaId).map((r) => ({ date: r.e, km2: r.value })),
      areaAdditions: seriesOf(member.id, addedId).map((r) => ({ date: r.e, km2: r.value })),
      observations: of(member.id),
      parentObservations: of(member.parentId),
    }));
    const used = new Set(zones.flatMap((z) => z.observations.map((o) => o.sourceId)));
    return {
      indicator: compareIndicator(indicator),
      zones,
      sources: sources
        .filter((s) => used.has(s.id))
        .map((s) => ({ id: s.id, title: s.title, url: s.url, publishedOn: toIsoDate(s.publishedOn) })),
      events: events.map((e) => ({
        zone: e.zone.code,
        date: toIsoDate(e.occurredOn),
        precision: e.datePrecision,
        kind: e.kind,
        titleEn: e.titleEn,
        titleZh: e.titleZh,
        sourceId: e.sourceId,
      })),
    };
  });

  return {
    profile: {
      code: zone.code,
      nameEn: zone.nameEn,
      nameZh: zone.nameZh,
      kind: zone.kind,
      note: zone.note,
      launch: toIsoDate(zone.establishedOn),
      areaKm2: zone.areaKm2,
      parent: zone.parent ? { code: zone.parent.code, nameEn: zone.parent.nameEn, nameZh: zone.parent.nameZh } : null,
      children: zone.children.map((c) => ({
        code: c.code,
        nameEn: c.nameEn,
        nameZh: c.nameZh,
        kind: c.kind,
        launch: toIsoDate(c.establishedOn),
        areaKm2: c.areaKm2,
        figures: figuresOf(c.id),
      })),
      figures: figuresOf(zone.id),
    },
    datasets,
  };
}

export async function getZoneEvents(prisma: PrismaClient, codes: readonly string[]) {
  return prisma.event.findMany({
    where: { zone: { code: { in: [...codes] } } },
    include: { zone: true, source: true },
    orderBy: { occurredOn: "asc" },
  });
}
