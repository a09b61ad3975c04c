// The product's vocabulary is the database's: every list in lib/domain/vocabulary.ts holds exactly the
// values, in order, of the Prisma enum of the same name, so a word added to one and not the other fails here.
import { describe, expect, it } from "vitest";
import * as prisma from "@/lib/db/generated/enums";
import * as vocabulary from "@/lib/domain/vocabulary";

const PAIRS = [
  ["ZONE_KINDS", prisma.ZoneKind],
  ["INDICATOR_KINDS", prisma.IndicatorKind],
  ["BASE_UNITS", prisma.BaseUnit],
  ["GRANULARITIES", prisma.Granularity],
  ["BASES", prisma.Basis],
  ["QUALIFIERS", prisma.Qualifier],
  ["STATUSES", prisma.ObservationStatus],
  ["EVENT_KINDS", prisma.EventKind],
  ["DATE_PRECISIONS", prisma.DatePrecision],
  ["ALERT_KINDS", prisma.AlertKind],
] as const;

describe("vocabulary", () => {
  it.each(PAIRS)("%s equals the Prisma enum", (name, prismaEnum) => {
    expect([...vocabulary[name]]).toEqual(Object.values(prismaEnum));
  });

  it("covers every enum of the schema", () => {
    const enums = Object.keys(prisma).filter((key) => /^[A-Z][a-z]/.test(key));
    expect(enums.sort()).toEqual(
      PAIRS.map(([, e]) => Object.keys(prisma).find((k) => (prisma as Record<string, unknown>)[k] === e)).sort(),
    );
  });
});
