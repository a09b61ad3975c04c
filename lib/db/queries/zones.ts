// Zones as pages list them.
import type { ZoneSummary } from "../../domain/figures.ts";
import type { PrismaClient } from "../generated/client.ts";
import { toIsoDate } from "../../domain/dates.ts";

export type { ZoneSummary };

export async function getZones(prisma: PrismaClient): Promise<ZoneSummary[]> {
  const zones = await prisma.zone.findMany({ include: { parent: { select: { code: true } } }, orderBy: { id: "asc" } });
  return zones.map((z) => ({
    code: z.code,
    nameEn: z.nameEn,
    nameZh: z.nameZh,
    kind: z.kind,
    parentCode: z.parent?.code ?? null,
    establishedOn: toIsoDate(z.establishedOn),
    areaKm2: z.areaKm2,
  }));
}
