// Targets set by an admin: a target entered in the app goes through the importer as a one-row
// `targets` table, so it is checked exactly as an imported one (zone, indicator, year, unit), recorded
// in the import history, revises an existing target for the same year, and refreshes the alerts.
import { Readable } from "node:stream";
import type { PrismaClient } from "../db/generated/client.ts";
import { importPackage } from "../import/run.ts";
import type { ImportSummary } from "../domain/imports.ts";
import { afterDataChange, refreshAlerts } from "./service.ts";

export type TargetFields = {
  zone: string;
  indicator: string;
  year: string;
  value: string;
  unit: string;
  source_title?: string | undefined;
  source_url?: string | undefined;
};

const COLUMNS = ["zone", "indicator", "year", "value", "unit", "source_title", "source_url"] as const;

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function saveTarget(prisma: PrismaClient, fields: TargetFields, actor: string): Promise<ImportSummary> {
  const row = COLUMNS.map((column) => csvCell(fields[column] ?? "")).join(",");
  const text = `${COLUMNS.join(",")}\n${row}\n`;
  const summary = await importPackage(prisma, [{ name: "targets.csv", open: () => Readable.from([Buffer.from(text, "utf8")]) }], {
    dryRun: false,
    actor,
    channel: "api",
  });
  if (summary.committed) await afterDataChange(prisma);
  return summary;
}

/** Deletes a target; false when there is none with this id. */
export async function deleteTarget(prisma: PrismaClient, id: number): Promise<boolean> {
  const { count } = await prisma.target.deleteMany({ where: { id } });
  if (count > 0) await refreshAlerts(prisma);
  return count > 0;
}
