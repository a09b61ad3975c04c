// Saved reports. Anyone may save one and gets its edit key once; the key (or an admin) is needed to
// change or delete it. Only the key's SHA-256 is stored.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ReportInput, ReportItem } from "../../validation/report.ts";
import type { PrismaClient } from "../generated/client.ts";

export type SavedReport = ReportInput & { id: string; createdBy: string; createdAt: string; updatedAt: string };

/** A short, unguessable id for a report's URL. */
function newId(): string {
  return randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 10).toLowerCase();
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function toSaved(row: {
  id: string;
  title: string;
  notes: string | null;
  locale: string;
  items: unknown;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}): SavedReport {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes ?? "",
    locale: row.locale === "zh" ? "zh" : "en",
    items: row.items as ReportItem[],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Saves a new report; the edit key is returned here and never again. */
export async function createReport(prisma: PrismaClient, input: ReportInput, actor: string): Promise<SavedReport & { editKey: string }> {
  const editKey = randomBytes(24).toString("base64url");
  const row = await prisma.report.create({
    data: {
      id: newId(),
      title: input.title,
      notes: input.notes,
      locale: input.locale,
      items: input.items,
      createdBy: actor,
      editKeyHash: hashKey(editKey),
    },
  });
  return { ...toSaved(row), editKey };
}

/** How many reports were saved without signing in (by visitors). */
export async function countVisitorReports(prisma: PrismaClient): Promise<number> {
  return prisma.report.count({ where: { createdBy: "visitor" } });
}

/** Whether the key is this report's edit key; undefined when there is no such report. */
export async function reportKeyMatches(prisma: PrismaClient, id: string, key: string): Promise<boolean | undefined> {
  const row = await prisma.report.findUnique({ where: { id }, select: { editKeyHash: true } });
  if (!row) return undefined;
  const given = Buffer.from(hashKey(key), "hex");
  const stored = Buffer.from(row.editKeyHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export async function updateReport(prisma: PrismaClient, id: string, input: ReportInput): Promise<SavedReport | undefined> {
  const { count } = await prisma.report.updateMany({
    where: { id },
    data: { title: input.title, notes: input.notes, locale: input.locale, items: input.items },
  });
  return count ? getReport(prisma, id) : undefined;
}

export async function getReport(prisma: PrismaClient, id: string): Promise<SavedReport | undefined> {
  const row = await prisma.report.findUnique({ where: { id } });
  return row ? toSaved(row) : undefined;
}

export async function listReports(prisma: PrismaClient, limit = 100): Promise<SavedReport[]> {
  return (await prisma.report.findMany({ orderBy: { updatedAt: "desc" }, take: limit })).map(toSaved);
}

export async function deleteReport(prisma: PrismaClient, id: string): Promise<boolean> {
  const { count } = await prisma.report.deleteMany({ where: { id } });
  return count > 0;
}
