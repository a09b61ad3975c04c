// Observations hold their zone, indicator and source as plain ids (no foreign keys, so no Prisma
// relations: docs/benchmarks.md): tests name zones and indicators by code and look sources up by id.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

type ByCode = { zone?: string | { startsWith: string }; indicator?: string };

/** A where clause on observations with the zone and indicator given by code. */
export async function byCode(prisma: PrismaClient, { zone, indicator }: ByCode): Promise<Prisma.ObservationWhereInput> {
  const where: Prisma.ObservationWhereInput = {};
  if (zone !== undefined) {
    const zones = await prisma.zone.findMany({ where: { code: zone }, select: { id: true } });
    where.zoneId = { in: zones.map((z) => z.id) };
  }
  if (indicator !== undefined) where.indicatorId = (await prisma.indicator.findUniqueOrThrow({ where: { code: indicator } })).id;
  return where;
}

export function sourceOf(prisma: PrismaClient, figure: { sourceId: number }) {
  return prisma.source.findUniqueOrThrow({ where: { id: figure.sourceId } });
}

export async function zoneCode(prisma: PrismaClient, figure: { zoneId: number }): Promise<string> {
  return (await prisma.zone.findUniqueOrThrow({ where: { id: figure.zoneId } })).code;
}
