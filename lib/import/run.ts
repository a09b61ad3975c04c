// The import pipeline: open the package, then in one transaction map each row (pure), write in bulk,
// check plausibility, and commit only when nothing was rejected and this is not a dry run. A dry run
// does everything but the commit, so its counts are exactly what a commit would do.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.ts";
import { getEnv } from "../env.ts";
import { liftTimeouts } from "../db/transaction-connection.ts";
import { Catalog, type IndicatorRef, type ZoneRef } from "./catalog.ts";
import { magnitudeSlip } from "../domain/plausibility.ts";
import { findImplausible } from "../db/queries/plausibility.ts";
import {
  MappingMemo,
  mapEventRow,
  mapIndicatorRow,
  mapObservationRow,
  mapTargetRow,
  mapZoneRow,
  type IndicatorInput,
  type ZoneInput,
} from "./map.ts";
import { identityKey, ObservationWriter, revisionChanges } from "./observation-writer.ts";
import { dateOrNull, existingSeries, loadIndicators, loadZones, SourceCache, type Tx } from "./persist.ts";
import { openPackage, ReadError, type PackageFile, type SourceRow, type TableSource } from "./read.ts";
import type { WorkbookLimits } from "./zip.ts";
import {
  emptyCounts,
  MAX_LISTED,
  TABLES,
  type ImportSummary,
  type RevisionDetail,
  type RowProblem,
  type RowWarning,
  type TableCounts,
  type TableName,
} from "../domain/imports.ts";

export type ImportChannel = "seed" | "upload" | "api" | "cli";
export type ImportProgress = {
  table: TableName;
  /** Rows read and checked so far in this table. */
  rows: number;
  /** Share of the table's bytes read, 0 to 1 (0 when the size is unknown). */
  fraction: number;
  rowsPerSecond: number;
  /** At the rate so far, for the rest of the file; null when it cannot be told. */
  secondsLeft: number | null;
  stage: "reading" | "writing";
};
export type ImportOptions = {
  dryRun: boolean;
  actor: string;
  channel: ImportChannel;
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the import: it stops at the next row and rolls back, writing nothing. */
  signal?: AbortSignal;
  /** What a workbook may unpack to and declare; by default the settings (FTZ_IMPORT_MAX_UNPACKED_BYTES, …). */
  limits?: WorkbookLimits;
};

// Serialises imports on a PostgreSQL server: two at once would race on the same identities.
const IMPORT_LOCK_KEY = 72_707_370;
const TRANSACTION_TIMEOUT_MS = 60 * 60 * 1000;

class Rollback extends Error {}

class ImportRun {
  readonly counts: Partial<Record<TableName, TableCounts>> = {};
  readonly errors: RowProblem[] = [];
  readonly warnings: RowWarning[] = [];
  readonly revisions: RevisionDetail[] = [];
  errorCount = 0;
  warningCount = 0;
  /** One source cache for the whole run: a bulletin's source is looked up once, not once per batch. */
  private sourceCache: SourceCache | undefined;
  private reading = { rows: 0, started: 0 };

  constructor(
    private readonly tx: Tx,
    private readonly importId: number,
    private readonly catalog: Catalog,
    private readonly options: ImportOptions,
  ) {}

  private count(table: TableName, outcome: keyof TableCounts, by = 1): void {
    const counts = (this.counts[table] ??= emptyCounts());
    counts[outcome] += by;
  }

  addErrors(problems: readonly RowProblem[]): void {
    this.errorCount += problems.length;
    for (const problem of problems) if (this.errors.length < MAX_LISTED) this.errors.push(problem);
  }

  private addWarnings(warnings: readonly RowWarning[]): void {
    this.warningCount += warnings.length;
    for (const warning of warnings) if (this.warnings.length < MAX_LISTED) this.warnings.push(warning);
  }

  private reject(table: TableName, problems: readonly RowProblem[]): void {
    this.count(table, "rejected");
    this.addErrors(problems);
  }

  private revised(table: TableName, row: number, key: string, changes: string[]): void {
    this.count(table, "revised");
    if (this.revisions.length < MAX_LISTED) this.revisions.push({ table, row, key, changes });
  }

  /** Reads a table's rows, turning a read failure into a row problem; stops when the import is cancelled. */
  private async *rows(source: TableSource): AsyncIterable<SourceRow> {
    this.reading = { rows: 0, started: performance.now() };
    try {
      for await (const row of source.rows()) {
        this.options.signal?.throwIfAborted();
        this.reading.rows += 1;
        if (this.reading.rows % 5_000 === 0) this.progress(source, "reading");
        yield row;
      }
      if (this.reading.rows === 0) {
        // A header with nothing under it is almost always an export gone wrong, not an intent.
        this.addErrors([
          {
            table: source.table,
            file: source.file,
            row: 2,
            message: `${source.file} has a header but no rows: ${source.table} holds no rows`,
          },
        ]);
      }
    } catch (error) {
      if (error instanceof ReadError) this.addErrors([error.problem]);
      else throw error;
    }
    this.progress(source, "reading", 1);
  }

  /**
   * Reports how far a table has got: rows read and checked, their rate since the table began, and the
   * time left at that rate for the bytes not read yet (unknown without the file's size). "writing" is
   * the work after the last row: the last chunk's merge and the plausibility check.
   */
  private progress(source: TableSource, stage: ImportProgress["stage"], fraction = source.progress()): void {
    if (!this.options.onProgress) return;
    const seconds = (performance.now() - this.reading.started) / 1000;
    const rowsPerSecond = seconds > 0 ? Math.round(this.reading.rows / seconds) : 0;
    const secondsLeft = stage === "reading" && fraction > 0 ? Math.round((seconds * (1 - fraction)) / fraction) : null;
    this.options.onProgress({ table: source.table, rows: this.reading.rows, fraction, rowsPerSecond, secondsLeft, stage });
  }

  async zones(source: TableSource): Promise<void> {
    const rows: SourceRow[] = [];
    for await (const row of this.rows(source)) rows.push(row);
    const fileCodes = new Set(rows.map((r) => (r.cells.code ?? "").trim().toLowerCase()).filter(Boolean));
    const known = new Set([...fileCodes]);
    for (const code of fileCodes) if (this.catalog.findZone(code)) known.add(code);
    const existingCodes = (await this.tx.zone.findMany({ select: { code: true } })).map((z) => z.code);
    existingCodes.forEach((code) => known.add(code));
    const accepted: { row: number; zone: ZoneInput }[] = [];
    const firstRow = new Map<string, number>();
    for (const { row, cells } of rows) {
      const mapped = mapZoneRow(cells, row, known, source.file);
      if (!mapped.ok) {
        this.reject("zones", mapped.errors);
        continue;
      }
      const earlier = firstRow.get(mapped.value.code);
      if (earlier !== undefined) {
        this.reject("zones", [
          {
            table: "zones",
            file: source.file,
            row,
            column: "code",
            message: `Zone '${mapped.value.code}' is defined twice (rows ${earlier} and ${row})`,
          },
        ]);
        continue;
      }
      firstRow.set(mapped.value.code, row);
      accepted.push({ row, zone: mapped.value });
    }
    const has = (column: string) => source.columns.includes(column);
    // Parents may come later in the file: write every zone first, then link parents.
    for (const { row, zone } of accepted) {
      const current = this.catalog.findZone(zone.code);
      const data = {
        nameEn: zone.nameEn,
        kind: zone.kind,
        ...(has("name_zh") ? { nameZh: zone.nameZh } : {}),
        ...(has("established_on") ? { establishedOn: dateOrNull(zone.establishedOn) } : {}),
        ...(has("area_km2") ? { areaKm2: zone.areaKm2 } : {}),
        ...(has("note") ? { note: zone.note } : {}),
        ...(has("aliases") ? { aliases: zone.aliases } : {}),
      };
      if (!current || current.code !== zone.code) {
        const created = await this.tx.zone.create({ data: { code: zone.code, ...data } });
        this.catalog.putZone(toZoneRef(created));
        this.count("zones", "new");
        continue;
      }
      const changes = zoneChanges(current, zone, has, (id) => this.catalog.zoneById(id)?.code ?? null);
      if (changes.length === 0) {
        this.count("zones", "unchanged");
        continue;
      }
      const updated = await this.tx.zone.update({ where: { id: current.id }, data });
      this.catalog.putZone(toZoneRef(updated));
      this.revised("zones", row, zone.code, changes);
    }
    if (has("parent")) {
      for (const { zone } of accepted) {
        const self = this.catalog.findZone(zone.code);
        const parent = zone.parentCode ? this.catalog.findZone(zone.parentCode) : undefined;
        const parentId = parent?.id ?? null;
        if (self && self.parentId !== parentId) {
          const updated = await this.tx.zone.update({ where: { id: self.id }, data: { parentId } });
          this.catalog.putZone(toZoneRef(updated));
        }
      }
      for (const { row, zone } of accepted) {
        if (this.hasCycle(zone.code)) {
          this.reject("zones", [
            { table: "zones", file: source.file, row, column: "parent", message: `Parents of zone '${zone.code}' form a loop` },
          ]);
        }
      }
    }
  }

  private hasCycle(code: string): boolean {
    const seen = new Set<number>();
    let zone = this.catalog.findZone(code);
    while (zone?.parentId != null) {
      if (seen.has(zone.id)) return true;
      seen.add(zone.id);
      zone = this.catalog.zoneById(zone.parentId);
    }
    return false;
  }

  async indicators(source: TableSource): Promise<void> {
    const firstRow = new Map<string, number>();
    const has = (column: string) => source.columns.includes(column);
    for await (const { row, cells } of this.rows(source)) {
      const mapped = mapIndicatorRow(cells, row, source.file);
      if (!mapped.ok) {
        this.reject("indicators", mapped.errors);
        continue;
      }
      const indicator = mapped.value;
      const earlier = firstRow.get(indicator.code);
      if (earlier !== undefined) {
        this.reject("indicators", [
          {
            table: "indicators",
            file: source.file,
            row,
            column: "code",
            message: `Indicator '${indicator.code}' is defined twice (rows ${earlier} and ${row})`,
          },
        ]);
        continue;
      }
      firstRow.set(indicator.code, row);
      const current = this.catalog.findIndicator(indicator.code);
      const data = {
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        kind: indicator.kind,
        ...(has("name_zh") ? { nameZh: indicator.nameZh } : {}),
        ...(has("category") ? { category: indicator.category } : {}),
        ...(has("description") ? { description: indicator.description } : {}),
        ...(has("aliases") ? { aliases: indicator.aliases } : {}),
        ...(has("comparable") ? { comparable: indicator.comparable } : {}),
      };
      if (!current) {
        const created = await this.tx.indicator.create({ data: { code: indicator.code, ...data } });
        this.catalog.putIndicator(created);
        this.count("indicators", "new");
        continue;
      }
      if (current.unit !== indicator.unit) {
        const figures = await this.tx.observation.count({ where: { indicatorId: current.id } });
        if (figures > 0) {
          this.reject("indicators", [
            {
              table: "indicators",
              file: source.file,
              row,
              column: "unit",
              message: `Indicator '${indicator.code}' already holds ${figures} figures in ${current.unit}; its unit cannot change to ${indicator.unit}. Define a new indicator instead`,
            },
          ]);
          continue;
        }
      }
      const changes = indicatorChanges(current, indicator, has);
      if (changes.length === 0) {
        this.count("indicators", "unchanged");
        continue;
      }
      const updated = await this.tx.indicator.update({ where: { id: current.id }, data });
      this.catalog.putIndicator(updated);
      this.revised("indicators", row, indicator.code, changes);
    }
  }

  async observations(source: TableSource): Promise<void> {
    this.sourceCache ??= new SourceCache(this.tx);
    const known = await existingSeries(this.tx);
    const writer = await ObservationWriter.open(
      this.tx,
      this.importId,
      this.sourceCache,
      MAX_LISTED - this.revisions.length,
      Math.max(0, MAX_LISTED - this.errors.length),
    );
    try {
      const memo = new MappingMemo();
      for await (const { row, cells } of this.rows(source)) {
        const mapped = mapObservationRow(cells, row, this.catalog, source.file, memo);
        if (!mapped.ok) {
          this.reject("observations", mapped.errors);
          continue;
        }
        this.addWarnings(mapped.warnings);
        const input = mapped.value;
        // A figure given twice is found by the database, chunk by chunk (observation-writer.ts).
        await writer.add(row, input, known.has(`${input.zoneId}|${input.indicatorId}`));
      }
      this.progress(source, "writing");
      const merged = await writer.finish();
      this.count("observations", "new", merged.added);
      this.count("observations", "unchanged", merged.unchanged);
      this.count("observations", "revised", merged.revised);
      this.count("observations", "rejected", merged.conflictCount);
      this.errorCount += merged.conflictCount - merged.conflicts.length;
      this.addErrors(
        merged.conflicts.map((c) => ({
          table: "observations" as const,
          file: source.file,
          row: c.row,
          column: "value",
          message: `Row ${c.earlier} has the same zone, indicator, period and basis with a different value: keep one of the two`,
        })),
      );
      for (const r of merged.revisions) {
        if (this.revisions.length < MAX_LISTED)
          this.revisions.push({ table: "observations", row: r.row, key: r.key, changes: revisionChanges(r.before, r.after) });
      }
      await this.checkPlausibility(source.file, writer);
    } catch (error) {
      // The connection must be idle before the transaction is rolled back.
      await writer.settle().catch(() => undefined);
      throw error;
    }
  }

  private async checkPlausibility(file: string, writer: ObservationWriter): Promise<void> {
    const rows = await findImplausible(this.tx, this.importId);
    const rowOf = await writer.firstRows(rows);
    const warnings: RowWarning[] = [];
    for (const r of rows) {
      const row = rowOf.get(identityKey(r)) ?? 0;
      const neighbourEnd = r.prev_value !== null ? r.prev_end : r.next_end;
      const exponent = magnitudeSlip(r.value, r.prev_value ?? r.next_value, r.unit === "percent");
      if (exponent !== null) {
        warnings.push({
          table: "observations",
          file,
          row,
          column: "unit",
          kind: "magnitude",
          message: `Value is about 10^${exponent} times the figure for the period ending ${neighbourEnd}: check 万/亿 in the unit`,
        });
      } else if (r.basis === "cumulative" || r.basis === "ytd") {
        const label = r.basis === "cumulative" ? "cumulative" : "year-to-date";
        const kind = r.basis === "cumulative" ? "cumulative_down" : "ytd_down";
        const message =
          r.prev_value !== null && r.value < r.prev_value
            ? `This ${label} total (${r.value}) is smaller than the one for the period ending ${r.prev_end} (${r.prev_value})`
            : `This ${label} total (${r.value}) is larger than the later one for the period ending ${r.next_end} (${r.next_value})`;
        warnings.push({ table: "observations", file, row, column: "value", kind, message });
      }
    }
    this.addWarnings(warnings.sort((a, b) => a.row - b.row));
  }

  async targets(source: TableSource): Promise<void> {
    const seen = new Map<string, number>();
    for await (const { row, cells } of this.rows(source)) {
      const mapped = mapTargetRow(cells, row, this.catalog, source.file);
      if (!mapped.ok) {
        this.reject("targets", mapped.errors);
        continue;
      }
      const target = mapped.value;
      const key = `${target.zoneId}|${target.indicatorId}|${target.year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        this.reject("targets", [
          {
            table: "targets",
            file: source.file,
            row,
            column: "year",
            message: `Row ${earlier} sets a target for the same zone, indicator and year`,
          },
        ]);
        continue;
      }
      seen.set(key, row);
      const sourceId = target.source ? ((await new SourceCache(this.tx).resolve([target.source])).get(target.source) ?? null) : null;
      const current = await this.tx.target.findUnique({
        where: { zoneId_indicatorId_year: { zoneId: target.zoneId, indicatorId: target.indicatorId, year: target.year } },
      });
      const data = { value: target.value, publishedValue: target.publishedValue, publishedUnit: target.publishedUnit, sourceId };
      if (!current) {
        await this.tx.target.create({ data: { zoneId: target.zoneId, indicatorId: target.indicatorId, year: target.year, ...data } });
        this.count("targets", "new");
      } else if (current.value !== target.value || current.publishedUnit !== target.publishedUnit || current.sourceId !== sourceId) {
        await this.tx.target.update({ where: { id: current.id }, data });
        this.revised(
          "targets",
          row,
          key,
          current.value !== target.value ? [`value ${current.value} → ${target.value}`] : ["source or unit"],
        );
      } else {
        this.count("targets", "unchanged");
      }
    }
  }

  async events(source: TableSource): Promise<void> {
    for await (const { row, cells } of this.rows(source)) {
      const mapped = mapEventRow(cells, row, this.catalog, source.file);
      if (!mapped.ok) {
        this.reject("events", mapped.errors);
        continue;
      }
      const event = mapped.value;
      const sourceId = event.source ? ((await new SourceCache(this.tx).resolve([event.source])).get(event.source) ?? null) : null;
      const occurredOn = new Date(`${event.occurredOn}T00:00:00Z`);
      const data = {
        datePrecision: event.datePrecision,
        kind: event.kind,
        category: event.category,
        titleZh: event.titleZh,
        description: event.description,
        sourceId,
        quote: event.quote,
      };
      const current = await this.tx.event.findUnique({
        where: { zoneId_occurredOn_titleEn: { zoneId: event.zoneId, occurredOn, titleEn: event.titleEn } },
      });
      if (!current) {
        await this.tx.event.create({ data: { zoneId: event.zoneId, occurredOn, titleEn: event.titleEn, ...data } });
        this.count("events", "new");
        continue;
      }
      const changes = (Object.keys(data) as (keyof typeof data)[]).filter((field) => (current[field] ?? null) !== (data[field] ?? null));
      if (changes.length === 0) this.count("events", "unchanged");
      else {
        await this.tx.event.update({ where: { id: current.id }, data });
        this.revised("events", row, `${event.occurredOn} ${event.titleEn}`, changes);
      }
    }
  }
}

function toZoneRef(zone: {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string | null;
  kind: ZoneRef["kind"];
  parentId: number | null;
  establishedOn: Date | null;
  areaKm2: number | null;
  note: string | null;
  aliases: string[];
}): ZoneRef {
  return { ...zone, establishedOn: zone.establishedOn ? zone.establishedOn.toISOString().slice(0, 10) : null };
}

function zoneChanges(current: ZoneRef, next: ZoneInput, has: (column: string) => boolean, codeOf: (id: number) => string | null): string[] {
  const changes: string[] = [];
  const compare = (field: string, before: unknown, after: unknown) => {
    if ((before ?? null) !== (after ?? null)) changes.push(`${field}: ${before ?? "—"} → ${after ?? "—"}`);
  };
  compare("name_en", current.nameEn, next.nameEn);
  compare("kind", current.kind, next.kind);
  if (has("name_zh")) compare("name_zh", current.nameZh, next.nameZh);
  if (has("established_on")) compare("established_on", current.establishedOn, next.establishedOn);
  if (has("area_km2")) compare("area_km2", current.areaKm2, next.areaKm2);
  if (has("note")) compare("note", current.note, next.note);
  if (has("aliases")) compare("aliases", current.aliases.join("; ") || null, next.aliases.join("; ") || null);
  if (has("parent")) compare("parent", current.parentId === null ? null : codeOf(current.parentId), next.parentCode);
  return changes;
}

function indicatorChanges(current: IndicatorRef, next: IndicatorInput, has: (column: string) => boolean): string[] {
  const changes: string[] = [];
  const compare = (field: string, before: unknown, after: unknown) => {
    if ((before ?? null) !== (after ?? null)) changes.push(`${field}: ${before ?? "—"} → ${after ?? "—"}`);
  };
  compare("name_en", current.nameEn, next.nameEn);
  compare("unit", current.unit, next.unit);
  compare("kind", current.kind, next.kind);
  if (has("name_zh")) compare("name_zh", current.nameZh, next.nameZh);
  if (has("category")) compare("category", current.category, next.category);
  if (has("description")) compare("description", current.description, next.description);
  if (has("aliases")) compare("aliases", current.aliases.join("; ") || null, next.aliases.join("; ") || null);
  if (has("comparable")) compare("comparable", current.comparable, next.comparable);
  return changes;
}

/** sha256 over the files' names and bytes, in name order: equal packages have equal checksums. */
export async function checksumFiles(files: readonly PackageFile[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`${file.name}\u0000`);
    for await (const chunk of file.open()) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

function totals(counts: Partial<Record<TableName, TableCounts>>): TableCounts {
  const sum = emptyCounts();
  for (const table of TABLES) {
    const c = counts[table];
    if (!c) continue;
    sum.new += c.new;
    sum.revised += c.revised;
    sum.unchanged += c.unchanged;
    sum.rejected += c.rejected;
  }
  return sum;
}

/**
 * Imports a data package. Returns the summary whether or not it was committed: `committed` is true only
 * when this was not a dry run and no row was rejected. Never writes part of a package.
 */
export async function importPackage(prisma: PrismaClient, files: readonly PackageFile[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const opened = await openPackage(files, options.limits ?? getEnv().workbookLimits);
  const checksum = await checksumFiles(files);
  const fileNames = files.map((f) => f.name);
  let outcome: { run: ImportRun; importId: number } | undefined;
  const order = new Map(TABLES.map((table, index) => [table, index]));
  const sources = [...opened.sources].sort((a, b) => (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0));

  const summarize = (run: ImportRun | undefined, committed: boolean, importId?: number): ImportSummary => {
    const errors = run ? run.errors : opened.problems;
    return {
      dryRun: options.dryRun,
      committed,
      ...(importId !== undefined && committed ? { importId } : {}),
      files: fileNames,
      tables: run?.counts ?? {},
      totals: totals(run?.counts ?? {}),
      errorCount: run ? run.errorCount : opened.problems.length,
      errors: [...errors].sort(
        (a, b) => (order.get(a.table as TableName) ?? -1) - (order.get(b.table as TableName) ?? -1) || a.row - b.row,
      ),
      warningCount: run?.warningCount ?? 0,
      warnings: [...(run?.warnings ?? [])].sort(
        (a, b) => (order.get(a.table as TableName) ?? -1) - (order.get(b.table as TableName) ?? -1) || a.row - b.row,
      ),
      revisions: run?.revisions ?? [],
      durationMs: Date.now() - started,
    };
  };

  try {
    await prisma.$transaction(
      async (tx) => {
        const restoreTimeouts = await liftTimeouts(tx);
        try {
          await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", IMPORT_LOCK_KEY);
          // A dry run is rolled back: give it an id outside the sequence so it leaves no gap in the history.
          const record = await tx.import.create({
            data: {
              ...(options.dryRun ? { id: -1 } : {}),
              channel: options.channel,
              actor: options.actor,
              fileName: fileNames.join(", "),
              checksum,
              dryRun: options.dryRun,
            },
          });
          const catalog = new Catalog(await loadZones(tx), await loadIndicators(tx));
          const run = new ImportRun(tx, record.id, catalog, options);
          outcome = { run, importId: record.id };
          run.addErrors(opened.problems);
          for (const source of sources) await run[source.table](source);
          const summary = summarize(run, !options.dryRun && run.errorCount === 0, record.id);
          if (options.dryRun || run.errorCount > 0) throw new Rollback();
          await tx.import.update({
            where: { id: record.id },
            data: {
              rowsNew: summary.totals.new,
              rowsRevised: summary.totals.revised,
              rowsSame: summary.totals.unchanged,
              rowsRejected: summary.totals.rejected,
              warnings: summary.warningCount,
              summary: JSON.parse(JSON.stringify({ ...summary, durationMs: undefined })),
            },
          });
        } finally {
          restoreTimeouts();
        }
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return summarize(outcome?.run, false);
  }
  // `committed` tells the caller the data changed: what derives from it (alerts) is the caller's to refresh.
  return summarize(outcome?.run, true, outcome?.importId);
}
