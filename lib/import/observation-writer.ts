// The write path of observations, loaded the way database tools load: checked rows are encoded as
// COPY text into one of two reused buffers and sent in chunks on the import's own connection and
// transaction (COPY … FROM STDIN on a server, COPY … FROM '/dev/blob' on PGlite). A chunk of rows of
// series new to the database is copied straight into observations; a chunk with rows of series that
// had figures before goes into a staging table, and one set-based statement merges it: new rows
// inserted, changed rows kept as vintages and revised, the rest unchanged. On a server the next chunk
// is read and checked into the other buffer while the database loads the last one. Memory holds two
// chunks' bytes, never the file:
// a figure given twice in the package is found by the database, not by an index kept in memory.
//  - Within a chunk, a window over the staged rows finds a repeated identity.
//  - Across chunks, a repeated identity meets the figure the earlier chunk wrote (import_id is this
//    import's, import_row its row) or left unchanged (its id and row are in import_seen). Rows of new
//    series are copied without a lookup: a repeat among them breaks the identity key, and the chunk is
//    staged and merged again, under a savepoint, with every row looked up.
//  - Every written figure keeps its file row (observations.import_row): it names the earlier row of a
//    repeat and the rows of plausibility warnings.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { int, num, text } from "../db/columns.ts";
import { rawQuery } from "../db/raw.ts";
import { driverConnection, type DriverConnection } from "../db/transaction-connection.ts";
import { detached } from "./csv-records.ts";
import type { ObservationInput, SourceInput } from "./map.ts";
import type { SourceCache, Tx } from "./persist.ts";

/** The values of a figure that a revision can change: what the import compares and a vintage keeps. */
export type FigureValues = {
  value: number;
  published_value: number;
  published_unit: string;
  qualifier: string;
  yoy_pct: number | null;
  status: string;
  source_id: number;
  quote: string | null;
  note: string | null;
};

/** A figure the merge revised: the file's row, its identity key, what it was and what it became. */
export type Revision = { row: number; key: string; before: FigureValues; after: FigureValues };

/** A figure given twice in the package with a different value (or qualifier): `row` repeats `earlier`. */
export type Conflict = { row: number; earlier: number };

export type MergeOutcome = {
  added: number;
  revised: number;
  /** Rows whose figure was already there as given, or given earlier in the package with the same value. */
  unchanged: number;
  revisions: Revision[];
  /** Every conflicting row; `conflicts` lists the first of them (up to the limit given to open). */
  conflictCount: number;
  conflicts: Conflict[];
};

/** Where a figure is, for naming its row: zone, indicator, basis and period as ISO dates. */
export type IdentityRef = { zone_id: number; indicator_id: number; basis: string; s: string; e: string };

// Rows per chunk: large enough that a chunk's statements cost little beside its rows (~8 MB of COPY
// text), small enough that the chunk's buffer stays far below the import's memory budget.
const CHUNK_ROWS = 25_000;
const STAGING = "import_staging";
const KNOWN = "import_known_series";
const SEEN = "import_seen";

// The columns of a COPY line, in order: the same line goes into observations (new series) or into the
// staging table (whose first column is the file row, `row`, and whose other columns are named alike).
const LINE = [
  ["import_row", "int"],
  ["import_id", "int"],
  ["zone_id", "int"],
  ["indicator_id", "int"],
  ["basis", '"Basis"'],
  ["period", "text"],
  ["period_start", "date"],
  ["period_end", "date"],
  ["granularity", '"Granularity"'],
  ["value", "float8"],
  ["published_value", "float8"],
  ["published_unit", "text"],
  ["qualifier", '"Qualifier"'],
  ["yoy_pct", "float8"],
  ["status", '"ObservationStatus"'],
  ["source_id", "int"],
  ["quote", "text"],
  ["note", "text"],
] as const;
const STAGING_COLUMNS = LINE.map(([name, type], i) => `${i === 0 ? "row" : name} ${type}`).join(", ");
const OBSERVATION_COLUMNS = LINE.map(([name]) => name).join(", ");

// The figure columns, in the order of FigureValues: compared for a revision, kept by a vintage.
const FIGURE = ["value", "published_value", "published_unit", "qualifier", "yoy_pct", "status", "source_id", "quote", "note"] as const;
const IDENTITY = ["zone_id", "indicator_id", "basis", "period_start", "period_end"] as const;

const figureList = (alias: string) => FIGURE.map((c) => `${alias}.${c}`).join(", ");
const identityMatch = (a: string, b: string) => IDENTITY.map((c) => `${a}.${c} = ${b}.${c}`).join(" AND ");

/**
 * One staged chunk's merge, {{importId}} = the import id, {{revisions}} = how many revisions to describe,
 * {{conflicts}} = how many conflicts to list. `careful`: every row is looked up (after a repeat broke the identity
 * key); otherwise only rows of series known before the import. Every part reads the snapshot from before the
 * statement: the vintage keeps the value the update replaces, and a row revised here is not inserted again.
 * LATERAL … LIMIT 1 probes the identity index once per row, whatever the planner thinks staging holds.
 */
function mergeSql(careful: boolean): string {
  const probe = careful ? "true" : `EXISTS (SELECT 1 FROM ${KNOWN} k WHERE k.zone_id = s.zone_id AND k.indicator_id = s.indicator_id)`;
  return `
WITH staged AS (
  SELECT s.*, ${probe} AS probe FROM ${STAGING} s
), probed AS (
  SELECT s.*, row_number() OVER w AS nth, first_value(s.row) OVER w AS first_row,
         first_value(s.value) OVER w AS first_value, first_value(s.qualifier) OVER w AS first_qualifier
    FROM staged s WHERE s.probe
  WINDOW w AS (PARTITION BY ${IDENTITY.map((c) => `s.${c}`).join(", ")} ORDER BY s.row)
), repeated AS (
  SELECT p.row, p.first_row AS earlier, (p.value, p.qualifier) IS DISTINCT FROM (p.first_value, p.first_qualifier) AS conflict
    FROM probed p WHERE p.nth > 1
), matched AS (
  SELECT p.*, o.id AS observation_id, o.updated_at AS recorded_at, o.import_id AS recorded_by,
         CASE WHEN o.import_id = {{importId}} THEN o.import_row ELSE (SELECT k.row FROM ${SEEN} k WHERE k.id = o.id) END AS given_at,
         ${FIGURE.map((c) => `o.${c} AS old_${c}`).join(", ")}
    FROM probed p
    CROSS JOIN LATERAL (SELECT * FROM observations o WHERE ${identityMatch("o", "p")} LIMIT 1) o
   WHERE p.nth = 1
), changed AS (
  SELECT * FROM matched m
   WHERE m.given_at IS NULL AND (${FIGURE.map((c) => `m.old_${c}`).join(", ")}) IS DISTINCT FROM (${figureList("m")})
), again AS (
  SELECT m.row, m.given_at AS earlier, (m.old_value, m.old_qualifier) IS DISTINCT FROM (m.value, m.qualifier) AS conflict
    FROM matched m WHERE m.given_at IS NOT NULL
), kept AS (
  INSERT INTO observation_vintages (observation_id, ${FIGURE.join(", ")}, import_id, recorded_at, superseded_at, superseded_by_import_id)
  SELECT c.observation_id, ${FIGURE.map((col) => `c.old_${col}`).join(", ")}, c.recorded_by, c.recorded_at, now(), {{importId}}
    FROM changed c
), revised AS (
  UPDATE observations o
     SET period = c.period, granularity = c.granularity, ${FIGURE.map((col) => `${col} = c.${col}`).join(", ")},
         import_id = {{importId}}, import_row = c.row, updated_at = now()
    FROM changed c WHERE o.id = c.observation_id
), remembered AS (
  INSERT INTO ${SEEN} (id, row)
  SELECT m.observation_id, m.row FROM matched m
   WHERE m.given_at IS NULL AND (${FIGURE.map((c) => `m.old_${c}`).join(", ")}) IS NOT DISTINCT FROM (${figureList("m")})
), added AS (
  INSERT INTO observations (${OBSERVATION_COLUMNS})
  SELECT s.row, ${LINE.slice(1)
    .map(([c]) => `s.${c}`)
    .join(", ")} FROM staged s WHERE NOT s.probe
  UNION ALL
  SELECT p.row, ${LINE.slice(1)
    .map(([c]) => `p.${c}`)
    .join(", ")} FROM probed p
   WHERE p.nth = 1 AND NOT EXISTS (SELECT 1 FROM observations o WHERE ${identityMatch("o", "p")})
  RETURNING 1
), repeats AS (
  SELECT * FROM repeated UNION ALL SELECT * FROM again
)
SELECT (SELECT count(*) FROM added)::int AS added,
       (SELECT count(*) FROM changed)::int AS revised,
       (SELECT count(*) FROM matched)::int AS matched,
       (SELECT count(*) FROM repeated)::int AS repeated,
       (SELECT count(*) FROM again)::int AS again,
       (SELECT count(*) FROM repeats WHERE conflict)::int AS conflicts,
       (SELECT coalesce(json_agg(r ORDER BY r.row), '[]'::json) FROM (
          SELECT row, earlier FROM repeats WHERE conflict ORDER BY row LIMIT {{conflicts}}) r) AS conflicted,
       (SELECT coalesce(json_agg(d ORDER BY d.row), '[]'::json) FROM (
          SELECT c.row, c.zone_id, c.indicator_id, c.basis::text AS basis,
                 to_char(c.period_start, 'YYYY-MM-DD') AS s, to_char(c.period_end, 'YYYY-MM-DD') AS e,
                 ${FIGURE.map((col) => `c.old_${col}, c.${col}`).join(", ")}
            FROM changed c ORDER BY c.row LIMIT {{revisions}}) d) AS details`;
}

const FAST_MERGE = mergeSql(false);
const CAREFUL_MERGE = mergeSql(true);

type MergeRow = {
  added: number;
  revised: number;
  matched: number;
  repeated: number;
  again: number;
  conflicts: number;
  conflicted: Conflict[];
  details: DetailRow[];
};
type DetailRow = { row: number; zone_id: number; indicator_id: number; basis: string; s: string; e: string } & FigureValues & {
    [K in keyof FigureValues as `old_${K}`]: FigureValues[K];
  };

// What the importer's own statements return, checked at the boundary (lib/db/raw.ts).
const figureValuesShape = {
  value: num,
  published_value: num,
  published_unit: text,
  qualifier: text,
  yoy_pct: num.nullable(),
  status: text,
  source_id: int,
  quote: text.nullable(),
  note: text.nullable(),
};
const oldFigureValuesShape = Object.fromEntries(Object.entries(figureValuesShape).map(([key, schema]) => [`old_${key}`, schema]));
const identityShape = { zone_id: int, indicator_id: int, basis: text, s: text, e: text };
const DetailRowSchema = z.object({ row: int, ...identityShape, ...figureValuesShape, ...oldFigureValuesShape }) as unknown as z.ZodType<
  DetailRow,
  DetailRow
>;
const MergeRowSchema: z.ZodType<MergeRow, MergeRow> = z.object({
  added: int,
  revised: int,
  matched: int,
  repeated: int,
  again: int,
  conflicts: int,
  conflicted: z.array(z.object({ row: int, earlier: int })),
  details: z.array(DetailRowSchema),
});
const SeriesSchema = z.object({ zone_id: int, indicator_id: int });

/** Where a chunk's COPY text goes: straight into observations, or into the staging table for a merge. */
type Target = "observations" | "staging";

/** Loads one chunk of COPY text (bytes) into a target, on the transaction's connection. */
type LoadChunk = (text: Buffer, into: Target) => Promise<void>;

const COPY_INTO: Record<Target, string> = { observations: `observations (${OBSERVATION_COLUMNS})`, staging: STAGING };

function serverLoader(client: Extract<DriverConnection, { kind: "postgres" }>["client"]): LoadChunk {
  return async (text, into) => {
    // pipeline() ends the COPY when the bytes are sent; on any failure it destroys the stream, which
    // sends CopyFail, so the connection leaves COPY mode and the transaction can roll back.
    await pipeline(Readable.from(pieces(text)), client.query(copyFrom(`COPY ${COPY_INTO[into]} FROM STDIN`)));
  };
}

function embeddedLoader(tx: Extract<DriverConnection, { kind: "pglite" }>["tx"]): LoadChunk {
  // The Blob copies the bytes: the buffer can be reused as soon as it is made.
  return async (text, into) => {
    await tx.query(`COPY ${COPY_INTO[into]} FROM '/dev/blob'`, [], { blob: new Blob([text as Buffer<ArrayBuffer>]) });
  };
}

/** The bytes in views of 64 KB: socket-sized writes, no copies. */
function* pieces(text: Buffer): Iterable<Buffer> {
  for (let i = 0; i < text.length; i += 65_536) yield text.subarray(i, Math.min(text.length, i + 65_536));
}

/**
 * The chunk's COPY text, written into one buffer that every chunk reuses: each row's line is a
 * short-lived string, gone at the next minor collection, instead of 50,000 strings that live until
 * the chunk is sent (they outlived the young generation and filled the old one with garbage).
 */
class CopyText {
  private buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  length = 0;

  push(line: string): void {
    // At most 3 bytes per UTF-16 unit.
    if (this.length + line.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + line.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(line, this.length, "utf8");
  }

  /** What was written; valid until the next push after `clear`. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A text value in COPY's text format (tab-separated; backslash escapes; \N is NULL). */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

/** The Prisma error of a statement that broke a unique key (SQLSTATE 23505), found wherever the adapter put the code. */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  for (const value of Object.values(error as Record<string, unknown>)) {
    if (value === "23505") return true;
    if (typeof value === "object" && isUniqueViolation(value, depth + 1)) return true;
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && isUniqueViolation(cause, depth + 1);
}

/** A source of the package as the writer knows it: its id once the sources table has it. */
type SourceRef = { source: SourceInput; id: number | null; queued: boolean };

/**
 * The package's sources told apart by their three fields, looked up field by field (a row costs three map
 * lookups, no joined key string), not by the SHA-256 the sources table keys them by.
 */
class SourceRefs {
  private readonly byTitle = new Map<string, Map<string, Map<string, SourceRef>>>();

  ref(source: SourceInput): SourceRef {
    let byUrl = this.byTitle.get(source.title);
    if (!byUrl) this.byTitle.set(detached(source.title), (byUrl = new Map()));
    const url = source.url ?? "";
    let byDate = byUrl.get(url);
    if (!byDate) byUrl.set(detached(url), (byDate = new Map()));
    const publishedOn = source.publishedOn ?? "";
    let ref = byDate.get(publishedOn);
    if (!ref) {
      // Kept for the whole import: copied out of the file's text, which would stay in memory otherwise.
      const kept = {
        title: detached(source.title),
        url: source.url === null ? null : detached(source.url),
        publishedOn: source.publishedOn === null ? null : detached(source.publishedOn),
      };
      ref = { source: kept, id: null, queued: false };
      byDate.set(detached(publishedOn), ref);
    }
    return ref;
  }
}

export class ObservationWriter {
  /** The chunk being filled; `sent` is the one the database is loading and merging. */
  private text = new CopyText();
  private sent = new CopyText();
  private rows = 0;
  private known = 0;
  /** Rows of the chunk whose source is new to this import: encoded once the chunk's new sources have ids. */
  private waiting: { row: number; input: ObservationInput; ref: SourceRef }[] = [];
  /** The merge of the previous chunk, running on the server while this one is read. */
  private merging: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly refs = new SourceRefs();
  private unresolved: SourceRef[] = [];
  private readonly outcome: MergeOutcome = { added: 0, revised: 0, unchanged: 0, revisions: [], conflictCount: 0, conflicts: [] };

  private constructor(
    private readonly tx: Tx,
    private readonly importId: number,
    private readonly sources: SourceCache,
    private readonly load: LoadChunk,
    /** The (zone, indicator) series that had figures before this import: indicator ids by zone id. */
    private readonly knownSeries: ReadonlyMap<number, ReadonlySet<number>>,
    private readonly maxRevisions: number,
    private readonly maxConflicts: number,
  ) {}

  /**
   * Creates the staging tables (dropped at the end of the transaction) on the transaction `tx`, and notes
   * which series have figures already (only their rows can match a stored figure).
   */
  static async open(
    tx: Tx,
    importId: number,
    sources: SourceCache,
    maxRevisions: number,
    maxConflicts: number,
  ): Promise<ObservationWriter> {
    const connection = await driverConnection(tx);
    // An import of several packages opens a writer per observations file in one transaction: the staging
    // tables of the file before are dropped, the figures seen unchanged are kept (a later file's repeat of
    // one is a repeat, not a revision), and the known series are read again (the earlier files' included).
    await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS ${STAGING}, ${KNOWN}`);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${STAGING} (${STAGING_COLUMNS}) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS ${SEEN} (id int PRIMARY KEY, row int NOT NULL) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE ${KNOWN} (zone_id int, indicator_id int, PRIMARY KEY (zone_id, indicator_id)) ON COMMIT DROP`,
    );
    const series = await rawQuery(
      tx,
      "series with figures",
      `INSERT INTO ${KNOWN} SELECT DISTINCT zone_id, indicator_id FROM observations RETURNING zone_id, indicator_id`,
      SeriesSchema,
    );
    const known = new Map<number, Set<number>>();
    for (const { zone_id, indicator_id } of series) {
      const indicators = known.get(zone_id);
      if (indicators) indicators.add(indicator_id);
      else known.set(zone_id, new Set([indicator_id]));
    }
    const load = connection.kind === "postgres" ? serverLoader(connection.client) : embeddedLoader(connection.tx);
    return new ObservationWriter(tx, importId, sources, load, known, maxRevisions, maxConflicts);
  }

  /**
   * Stages a checked row. When a chunk is due, returns the wait for it to be handed to the database (await
   * it); otherwise nothing, so that a row costs no promise.
   */
  add(row: number, input: ObservationInput): Promise<void> | undefined {
    const ref = this.refs.ref(input.source);
    if (ref.id === null && !ref.queued) {
      ref.queued = true;
      this.unresolved.push(ref);
    }
    if (this.knownSeries.get(input.zoneId)?.has(input.indicatorId)) this.known += 1;
    if (ref.id === null) this.waiting.push({ row, input, ref });
    else this.push(row, input, ref.id);
    this.rows += 1;
    return this.rows >= CHUNK_ROWS ? this.flush() : undefined;
  }

  private push(row: number, input: ObservationInput, sourceId: number): void {
    const { period } = input;
    this.text.push(
      `${row}\t${this.importId}\t${input.zoneId}\t${input.indicatorId}\t${input.basis}\t${copyText(period.label)}\t${period.start}\t${period.end}\t${period.granularity}\t${input.value}\t${input.publishedValue}\t${copyText(input.publishedUnit)}\t${input.qualifier}\t${input.yoyPct ?? "\\N"}\t${input.status}\t${sourceId}\t${copyText(input.quote)}\t${copyText(input.note)}\n`,
    );
  }

  /** Merges what is left and returns the counts; the caller's transaction decides whether it stays. */
  async finish(): Promise<MergeOutcome> {
    await this.flush();
    await this.settle();
    return this.outcome;
  }

  /** Waits for the merge in flight, so the connection is free for the caller's rollback. */
  async settle(): Promise<void> {
    await this.merging;
    if (this.failure) throw this.failure;
  }

  /**
   * Hands the chunk to the database: its load and merge run on the connection while the next chunk is read
   * and checked into the other buffer. Waits only for the chunk before it, and for the ids of the chunk's new
   * sources, which its rows need before they can be encoded.
   */
  private async flush(): Promise<void> {
    await this.settle();
    if (this.rows === 0) return;
    await this.resolveSources();
    const rows = this.rows;
    const known = this.known;
    this.rows = 0;
    this.known = 0;
    const text = this.text;
    this.text = this.sent;
    this.sent = text;
    // Not awaited: the chunk's statements run in order on the connection.
    this.merging = this.send(text, rows, known).catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** The sources first seen in this chunk: written (or found), and the rows that waited for them encoded. */
  private async resolveSources(): Promise<void> {
    if (this.unresolved.length > 0) {
      const fresh = this.unresolved;
      this.unresolved = [];
      const ids = await this.sources.resolve(fresh.map((f) => f.source));
      for (const ref of fresh) {
        ref.id = ids.get(ref.source) ?? 0;
        ref.queued = false;
      }
    }
    for (const { row, input, ref } of this.waiting) this.push(row, input, ref.id ?? 0);
    this.waiting = [];
  }

  private async send(text: CopyText, rows: number, known: number): Promise<void> {
    await this.tx.$executeRawUnsafe("SAVEPOINT import_chunk");
    let result: MergeRow;
    try {
      // Rows of series new to the database go in without a lookup; a figure given twice among them
      // breaks the identity key, and then the chunk is staged and merged with every row looked up.
      result = known === 0 ? await this.copyNew(text, rows) : await this.merge(text, FAST_MERGE);
      await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT import_chunk");
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_chunk");
      result = await this.merge(text, CAREFUL_MERGE);
      await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT import_chunk");
    }
    text.clear();
    this.tallyChunk(result, rows, known);
  }

  private async copyNew(text: CopyText, rows: number): Promise<MergeRow> {
    await this.load(text.bytes(), "observations");
    return { added: rows, revised: 0, matched: 0, repeated: 0, again: 0, conflicts: 0, conflicted: [], details: [] };
  }

  private async merge(text: CopyText, sql: string): Promise<MergeRow> {
    await this.tx.$executeRawUnsafe(`TRUNCATE ${STAGING}`);
    await this.load(text.bytes(), "staging");
    const [result] = await rawQuery(this.tx, "merge staged observations", sql, MergeRowSchema, {
      importId: this.importId,
      revisions: Math.max(0, this.maxRevisions - this.outcome.revisions.length),
      conflicts: Math.max(0, this.maxConflicts - this.outcome.conflicts.length),
    });
    if (!result) throw new Error("The merge of staged observations returned nothing");
    return result;
  }

  private tallyChunk(result: MergeRow, rows: number, known: number): void {
    const repeatsSame = result.repeated + result.again - result.conflicts;
    this.outcome.added += result.added;
    this.outcome.revised += result.revised;
    this.outcome.unchanged += result.matched - result.again - result.revised + repeatsSame;
    this.outcome.conflictCount += result.conflicts;
    if (result.added + result.matched + result.repeated !== rows || result.matched > rows - result.added)
      throw new Error(
        `Merging ${rows} staged observations (${known} of known series) accounted for ${result.added + result.matched + result.repeated}`,
      );
    this.outcome.conflicts.push(...result.conflicted);
    for (const d of result.details) {
      this.outcome.revisions.push({
        row: d.row,
        key: identityKey(d),
        before: pick(d, "old_"),
        after: pick(d, ""),
      });
    }
  }
}

/** zone|indicator|basis|start|end: how revisions and warnings name a figure. */
export function identityKey(i: IdentityRef): string {
  return `${i.zone_id}|${i.indicator_id}|${i.basis}|${i.s}|${i.e}`;
}

function pick(d: DetailRow, prefix: "" | "old_"): FigureValues {
  const get = <K extends keyof FigureValues>(column: K) => d[`${prefix}${column}` as keyof DetailRow] as FigureValues[K];
  return {
    value: get("value"),
    published_value: get("published_value"),
    published_unit: get("published_unit"),
    qualifier: get("qualifier"),
    yoy_pct: get("yoy_pct"),
    status: get("status"),
    source_id: get("source_id"),
    quote: get("quote"),
    note: get("note"),
  };
}

/** What a revision changed, in the words of the import report. */
export function revisionChanges(before: FigureValues, after: FigureValues): string[] {
  const changes: string[] = [];
  if (before.value !== after.value)
    changes.push(`value: ${before.published_value} ${before.published_unit} → ${after.published_value} ${after.published_unit}`);
  else if (before.published_unit !== after.published_unit || before.published_value !== after.published_value)
    changes.push(`published as: ${after.published_value} ${after.published_unit}`);
  if (before.qualifier !== after.qualifier) changes.push(`qualifier: ${before.qualifier} → ${after.qualifier}`);
  if ((before.yoy_pct ?? null) !== (after.yoy_pct ?? null)) changes.push(`yoy_pct: ${before.yoy_pct ?? "—"} → ${after.yoy_pct ?? "—"}`);
  if (before.status !== after.status) changes.push(`status: ${before.status} → ${after.status}`);
  if (before.source_id !== after.source_id) changes.push("source");
  if ((before.quote ?? null) !== (after.quote ?? null)) changes.push("quote");
  if ((before.note ?? null) !== (after.note ?? null)) changes.push("note");
  return changes;
}
