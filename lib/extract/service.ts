// The finder against the database: the catalog (zones, indicators, their aliases, events) read from it, and each
// candidate marked against what is stored under its identity (zone, indicator, basis, period): `same` (nothing to
// import), `new`, or `conflict` (a stored figure of that identity with another value; importing revises it).
import { toIsoDate, type IsoDate } from "../domain/dates.ts";
import { applyBasis, parsePeriod } from "../domain/periods.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { cachedByDataVersion } from "../db/queries/version.ts";
import { extractFigures } from "./extract.ts";
import { buildLexicon, type Lexicon } from "./lexicon.ts";
import { candidateRow, type ObservationRow } from "./rows.ts";
import type { Candidate, ExtractCatalog, ExtractSource, Unplaced } from "./types.ts";

export type StoredFigure = {
  value: number;
  publishedValue: number;
  publishedUnit: string;
  qualifier: string;
  period: string;
  sourceTitle: string | null;
};

export type ReviewStatus = "same" | "new" | "conflict";

export type ReviewedCandidate = Candidate & { status: ReviewStatus; stored: StoredFigure | null; row: ObservationRow };

export type Review = { candidates: ReviewedCandidate[]; unplaced: Unplaced[] };

export async function loadExtractCatalog(prisma: PrismaClient): Promise<ExtractCatalog> {
  const [zones, indicators, events] = await Promise.all([
    prisma.zone.findMany({
      select: { id: true, code: true, nameEn: true, nameZh: true, kind: true, parentId: true, establishedOn: true, aliases: true },
    }),
    prisma.indicator.findMany({ select: { code: true, nameEn: true, nameZh: true, unit: true, kind: true, aliases: true } }),
    prisma.event.findMany({ select: { zoneId: true, occurredOn: true, datePrecision: true, titleEn: true, titleZh: true } }),
  ]);
  const codeOf = new Map(zones.map((z) => [z.id, z.code]));
  return {
    zones: zones.map((z) => ({
      code: z.code,
      nameEn: z.nameEn,
      nameZh: z.nameZh,
      kind: z.kind,
      parent: z.parentId === null ? null : (codeOf.get(z.parentId) ?? null),
      establishedOn: toIsoDate(z.establishedOn),
      aliases: z.aliases,
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      nameEn: i.nameEn,
      nameZh: i.nameZh,
      unit: i.unit,
      kind: i.kind,
      aliases: i.aliases,
    })),
    events: events
      .filter((e) => e.datePrecision === "day")
      .map((e) => ({ zone: codeOf.get(e.zoneId) ?? "", date: toIsoDate(e.occurredOn), titleEn: e.titleEn, titleZh: e.titleZh })),
  };
}

async function lexiconOf(
  prisma: PrismaClient,
): Promise<Lexicon & { events: ExtractCatalog["events"]; launch: Map<string, IsoDate | null> }> {
  return cachedByDataVersion(prisma, "extract-lexicon", async () => {
    const catalog = await loadExtractCatalog(prisma);
    return Object.assign(buildLexicon(catalog), {
      events: catalog.events,
      launch: new Map(catalog.zones.map((z) => [z.code, z.establishedOn])),
    });
  });
}

/** The days a (zone, period, basis) covers, as the importer stores them. */
export function identityDays(period: string, basis: Candidate["basis"], launch: IsoDate | null): { start: IsoDate; end: IsoDate } | null {
  const parsed = parsePeriod(period);
  if (!parsed.ok) return null;
  const applied = applyBasis(parsed, basis, launch ?? undefined);
  return applied.ok ? { start: applied.period.start, end: applied.period.end } : null;
}

export async function reviewText(prisma: PrismaClient, text: string, source: ExtractSource): Promise<Review> {
  const lexicon = await lexiconOf(prisma);
  const { candidates, unplaced } = extractFigures(text, source, lexicon);
  const [zones, indicators] = await Promise.all([
    prisma.zone.findMany({ where: { code: { in: [...new Set(candidates.map((c) => c.zone))] } }, select: { id: true, code: true } }),
    prisma.indicator.findMany({
      where: { code: { in: [...new Set(candidates.map((c) => c.indicator))] } },
      select: { id: true, code: true },
    }),
  ]);
  const zoneId = new Map(zones.map((z) => [z.code, z.id]));
  const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
  const reviewed = await Promise.all(
    candidates.map(async (candidate): Promise<ReviewedCandidate> => {
      const row = candidateRow(candidate, source);
      const days = identityDays(candidate.period, candidate.basis, lexicon.launch.get(candidate.zone) ?? null);
      const z = zoneId.get(candidate.zone);
      const i = indicatorId.get(candidate.indicator);
      if (!days || z === undefined || i === undefined) return { ...candidate, status: "new", stored: null, row };
      const found = await prisma.observation.findFirst({
        where: {
          zoneId: z,
          indicatorId: i,
          basis: candidate.basis,
          periodStart: new Date(`${days.start}T00:00:00Z`),
          periodEnd: new Date(`${days.end}T00:00:00Z`),
        },
        select: { value: true, publishedValue: true, publishedUnit: true, qualifier: true, period: true, sourceId: true },
      });
      if (!found) return { ...candidate, status: "new", stored: null, row };
      const storedSource = await prisma.source.findUnique({ where: { id: found.sourceId }, select: { title: true } });
      const stored: StoredFigure = { ...found, sourceTitle: storedSource?.title ?? null };
      const same =
        Math.abs(found.value - candidate.valueBase) <= 1e-9 * Math.max(Math.abs(found.value), 1) && found.qualifier === candidate.qualifier;
      return { ...candidate, status: same ? "same" : "conflict", stored, row };
    }),
  );
  return { candidates: reviewed, unplaced };
}
