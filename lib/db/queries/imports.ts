// The import history and what each import changed.
import type { ImportDetail, ImportRecord, ImportSummary } from "../../domain/imports.ts";
import { z } from "zod";
import { basis, int, isoDate, num, qualifier, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";

export type { ImportChange, ImportDetail, ImportRecord } from "../../domain/imports.ts";
import type { PrismaClient } from "../generated/client.ts";

export async function listImports(prisma: PrismaClient, limit = 100): Promise<ImportRecord[]> {
  const rows = await prisma.import.findMany({ where: { dryRun: false }, orderBy: { id: "desc" }, take: limit });
  return rows.map(toRecord);
}

function toRecord(row: {
  id: number;
  createdAt: Date;
  channel: string;
  actor: string;
  fileName: string;
  rowsNew: number;
  rowsRevised: number;
  rowsSame: number;
  rowsRejected: number;
  warnings: number;
}): ImportRecord {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    channel: row.channel,
    actor: row.actor,
    fileName: row.fileName,
    rowsNew: row.rowsNew,
    rowsRevised: row.rowsRevised,
    rowsUnchanged: row.rowsSame,
    rowsRejected: row.rowsRejected,
    warnings: row.warnings,
  };
}

const ChangeRow = z.object({
  observation_id: int,
  zone: text,
  indicator: text,
  period: text,
  basis,
  period_end: isoDate,
  value: num,
  published_value: num,
  published_unit: text,
  qualifier,
  later_import_id: int.nullable(),
  prev_value: num.nullable(),
  prev_published_value: num.nullable(),
  prev_published_unit: text.nullable(),
  prev_qualifier: qualifier.nullable(),
});

export async function getImport(prisma: PrismaClient, id: number, limit = 500, offset = 0): Promise<ImportDetail | undefined> {
  const row = await prisma.import.findUnique({ where: { id } });
  if (!row || row.dryRun) return undefined;
  const written = `
    SELECT o.id AS observation_id, o.value, o.published_value, o.published_unit, o.qualifier::text AS qualifier, NULL::int AS later_import_id
      FROM observations o WHERE o.import_id = {{id}}
    UNION ALL
    SELECT v.observation_id, v.value, v.published_value, v.published_unit, v.qualifier::text, v.superseded_by_import_id
      FROM observation_vintages v WHERE v.import_id = {{id}}`;
  const [changes, total] = await Promise.all([
    rawQuery(
      prisma,
      "imports.changes",
      `WITH written AS (${written})
       SELECT w.observation_id, z.code AS zone, i.code AS indicator, o.period, o.basis::text AS basis,
              to_char(o.period_end, 'YYYY-MM-DD') AS period_end, w.value, w.published_value, w.published_unit, w.qualifier,
              w.later_import_id, p.value AS prev_value, p.published_value AS prev_published_value,
              p.published_unit AS prev_published_unit, p.qualifier::text AS prev_qualifier
         FROM written w
         JOIN observations o ON o.id = w.observation_id
         JOIN zones z ON z.id = o.zone_id
         JOIN indicators i ON i.id = o.indicator_id
         LEFT JOIN observation_vintages p ON p.observation_id = w.observation_id AND p.superseded_by_import_id = {{id}}
        ORDER BY z.code, i.code, o.period_end, o.basis
        LIMIT {{limit}} OFFSET {{offset}}`,
      ChangeRow,
      { id, limit, offset },
    ),
    rawQuery(prisma, "imports.change-count", `SELECT count(*)::int AS n FROM (${written}) w`, z.object({ n: int }), { id }),
  ]);
  return {
    ...toRecord(row),
    summary: (row.summary as ImportSummary | null) ?? null,
    totalChanges: total[0]?.n ?? 0,
    changes: changes.map((c) => ({
      observationId: c.observation_id,
      zone: c.zone,
      indicator: c.indicator,
      period: c.period,
      basis: c.basis,
      periodEnd: c.period_end,
      written: { value: c.value, publishedValue: c.published_value, publishedUnit: c.published_unit, qualifier: c.qualifier },
      previous:
        c.prev_value === null
          ? null
          : {
              value: c.prev_value,
              publishedValue: c.prev_published_value ?? 0,
              publishedUnit: c.prev_published_unit ?? "",
              qualifier: c.prev_qualifier ?? "exact",
            },
      laterImportId: c.later_import_id,
    })),
  };
}
