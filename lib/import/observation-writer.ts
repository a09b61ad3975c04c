// The write path of observations, loaded the way database tools load: checked rows are encoded as
// COPY text into one of two reused buffers and sent in chunks into a staging table on the import's own
// connection and transaction (COPY … FROM STDIN on a server, COPY … FROM '/dev/blob' on PGlite), and
// one set-based statement per chunk merges the chunk into observations: new rows inserted, changed
// rows kept as vintages and revised, the rest unchanged. On a server the next chunk is read and
// checked into the other buffer while the database loads and merges the last one. Memory holds two
// chunks' bytes, never the file:
// a figure given twice in the package is found by the database, not by an index kept in memory.
//  - Within a chunk, a window over the staged rows finds a repeated identity.
//  - Across chunks, a repeated identity meets the figure the earlier chunk wrote (import_id is this
//    import's) or left unchanged (its id is in import_seen). Rows of series that had no figures before
//    this import are inserted without a lookup: a repeat among them breaks the identity key, and the
//    chunk is merged again, under a savepoint, with every row looked up.
//  - import_rows keeps every staged row's identity and file row (no index, on the database's disk):
//    it names the earlier row of a repeat and the rows of plausibility warnings.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { int, num, text } from "../db/columns.ts";
import { rawExecute, rawQuery } from "../db/raw.ts";
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
const SOURCE_REFS = "import_source_refs";
const ROWS = "import_rows";
const SEEN = "import_seen";

// The staging table's columns in COPY order. `known` marks rows of a (zone, indicator) series that had
// figures before this import: only those can match an existing observation.
const STAGING_COLUMNS = `row int, known boolean, zone_id int, indicator_id int, basis "Basis", period text, period_start date,
  period_end date, granularity "Granularity", value float8, published_value float8, published_unit text,
  qualifier "Qualifier", yoy_pct float8, status "ObservationStatus", source_ref int, quote text, note text`;

// The figure columns, in the order of FigureValues: compared for a revision, kept by a vintage.
const FIGURE = ["value", "published_value", "published_unit", "qualifier", "yoy_pct", "status", "source_id", "quote", "note"] as const;
const IDENTITY = ["zone_id", "indicator_id", "basis", "period_start", "period_end"] as const;

const figureList = (alias: string) => FIGURE.map((c) => `${alias}.${c}`).join(", ");
const identityMatch = (a: string, b: string) => IDENTITY.map((c) => `${a}.${c} = ${b}.${c}`).join(" AND ");
const identityList = IDENTITY.join(", ");

/**
 * One chunk's merge, {{importId}} = the import id, {{revisions}} = how many revisions to describe,
 * {{conflicts}} = how many conflicts to list. `careful`: every row is looked up (after a repeat broke the identity key); otherwise only
 * rows of series known before the import. Every part reads the snapshot from before the statement:
 * the vintage keeps the value the update replaces, and a row revised here is not inserted again.
 * LATERAL … LIMIT 1 probes the identity index once per row, whatever the planner thinks staging holds.
 * Rows go in staging order, which is the file's: COPY appends in order and a plain scan reads it back.
 */
function mergeSql(careful: boolean): string {
  const probe = careful ? "true" : "s.known";
  return `
WITH staged AS (
  SELECT s.*, r.source_id, ${probe} AS probe FROM ${STAGING} s JOIN ${SOURCE_REFS} r ON r.ref = s.source_ref
), logged AS (
  INSERT INTO ${ROWS} SELECT ${identityList}, row FROM ${STAGING}
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
         (o.import_id = {{importId}} OR EXISTS (SELECT 1 FROM ${SEEN} k WHERE k.id = o.id)) AS again,
         ${FIGURE.map((c) => `o.${c} AS old_${c}`).join(", ")}
    FROM probed p
    CROSS JOIN LATERAL (SELECT * FROM observations o WHERE ${identityMatch("o", "p")} LIMIT 1) o
   WHERE p.nth = 1
), changed AS (
  SELECT * FROM matched m
   WHERE NOT m.again AND (${FIGURE.map((c) => `m.old_${c}`).join(", ")}) IS DISTINCT FROM (${figureList("m")})
), again AS (
  SELECT m.row, NULL::int AS earlier, (m.old_value, m.old_qualifier) IS DISTINCT FROM (m.value, m.qualifier) AS conflict
    FROM matched m WHERE m.again
), kept AS (
  INSERT INTO observation_vintages (observation_id, ${FIGURE.join(", ")}, import_id, recorded_at, superseded_at, superseded_by_import_id)
  SELECT c.observation_id, ${FIGURE.map((col) => `c.old_${col}`).join(", ")}, c.recorded_by, c.recorded_at, now(), {{importId}}
    FROM changed c
), revised AS (
  UPDATE observations o
     SET period = c.period, granularity = c.granularity, ${FIGURE.map((col) => `${col} = c.${col}`).join(", ")},
         import_id = {{importId}}, updated_at = now()
    FROM changed c WHERE o.id = c.observation_id
), remembered AS (
  INSERT INTO ${SEEN} (id)
  SELECT m.observation_id FROM matched m
   WHERE NOT m.again AND (${FIGURE.map((c) => `m.old_${c}`).join(", ")}) IS NOT DISTINCT FROM (${figureList("m")})
), added AS (
  INSERT INTO observations (${identityList}, period, granularity, ${FIGURE.join(", ")}, import_id)
  SELECT ${IDENTITY.map((c) => `s.${c}`).join(", ")}, s.period, s.granularity, ${figureList("s")}, {{importId}}
    FROM staged s WHERE NOT s.probe
  UNION ALL
  SELECT ${IDENTITY.map((c) => `p.${c}`).join(", ")}, p.period, p.granularity, ${figureList("p")}, {{importId}}
    FROM probed p
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

// A chunk with no row of a known series has nothing to look up: two plain statements write it, without
// the merge's materialised chunk (measured on 50,000 rows into 1M: the merge 1.5–2.2 s, these 1.2 s).
// A figure given twice among its rows breaks the identity key here just as in the fast merge.
const LOG_ROWS = `INSERT INTO ${ROWS} SELECT ${identityList}, row FROM ${STAGING}`;
const INSERT_NEW = `
INSERT INTO observations (${identityList}, period, granularity, ${FIGURE.join(", ")}, import_id)
SELECT ${IDENTITY.map((c) => `s.${c}`).join(", ")}, s.period, s.granularity,
       ${FIGURE.map((c) => (c === "source_id" ? "r.source_id" : `s.${c}`)).join(", ")}, {{importId}}
  FROM ${STAGING} s JOIN ${SOURCE_REFS} r ON r.ref = s.source_ref`;

type MergeRow = {
  added: number;
  revised: number;
  matched: number;
  repeated: number;
  again: number;
  conflicts: number;
  conflicted: { row: number; earlier: number | null }[];
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
  conflicted: z.array(z.object({ row: int, earlier: int.nullable() })),
  details: z.array(DetailRowSchema),
});
const ConflictSchema: z.ZodType<Conflict, Conflict> = z.object({ row: int, earlier: int });
const FirstRowSchema: z.ZodType<IdentityRef & { row: number }, IdentityRef & { row: number }> = z.object({ ...identityShape, row: int });

/** Loads one chunk of COPY text (bytes) into the staging table, on the transaction's connection. */
type LoadChunk = (text: Buffer) => Promise<void>;

const COPY_STAGING = `COPY ${STAGING} FROM STDIN`;

function serverLoader(client: Extract<DriverConnection, { kind: "postgres" }>["client"]): LoadChunk {
  return async (text) => {
    // pipeline() ends the COPY when the bytes are sent; on any failure it destroys the stream, which
    // sends CopyFail, so the connection leaves COPY mode and the transaction can roll back.
    await pipeline(Readable.from(pieces(text)), client.query(copyFrom(COPY_STAGING)));
  };
}

function embeddedLoader(tx: Extract<DriverConnection, { kind: "pglite" }>["tx"]): LoadChunk {
  // The Blob copies the bytes: the buffer can be reused as soon as it is made.
  return async (text) => {
    await tx.query(`COPY ${STAGING} FROM '/dev/blob'`, [], { blob: new Blob([text as Buffer<ArrayBuffer>]) });
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

export class ObservationWriter {
  /** The chunk being filled; `sent` is the one the database is loading and merging. */
  private text = new CopyText();
  private sent = new CopyText();
  private rows = 0;
  private known = 0;
  /** The merge of the previous chunk, running on the server while this one is read. */
  private merging: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly refs = new Map<string, { ref: number; source: SourceInput }>();
  private resolvedRefs = 0;
  private readonly outcome: MergeOutcome = { added: 0, revised: 0, unchanged: 0, revisions: [], conflictCount: 0, conflicts: [] };
  /** Conflicts whose earlier row is in an earlier chunk: named from import_rows at the end. */
  private unnamed: number[] = [];

  private constructor(
    private readonly tx: Tx,
    private readonly importId: number,
    private readonly sources: SourceCache,
    private readonly load: LoadChunk,
    private readonly maxRevisions: number,
    private readonly maxConflicts: number,
  ) {}

  /** Creates the staging tables (dropped at the end of the transaction) on the transaction `tx`. */
  static async open(
    tx: Tx,
    importId: number,
    sources: SourceCache,
    maxRevisions: number,
    maxConflicts: number,
  ): Promise<ObservationWriter> {
    const connection = await driverConnection(tx);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${STAGING} (${STAGING_COLUMNS}) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${SOURCE_REFS} (ref int PRIMARY KEY, source_id int NOT NULL) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE ${ROWS} (zone_id int, indicator_id int, basis "Basis", period_start date, period_end date, row int) ON COMMIT DROP`,
    );
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${SEEN} (id int PRIMARY KEY) ON COMMIT DROP`);
    const load = connection.kind === "postgres" ? serverLoader(connection.client) : embeddedLoader(connection.tx);
    return new ObservationWriter(tx, importId, sources, load, maxRevisions, maxConflicts);
  }

  /**
   * Stages a checked row; `known` when its series had figures before this import. When a chunk is due,
   * returns the wait for it to be handed to the database (await it); otherwise nothing, so that a row
   * costs no promise.
   */
  add(row: number, input: ObservationInput, known: boolean): Promise<void> | undefined {
    // The refs only need the source told apart: its fields joined, not the SHA-256 the sources table keys by.
    const { title, url, publishedOn } = input.source;
    const key = `${title}\u0000${url ?? ""}\u0000${publishedOn ?? ""}`;
    let ref = this.refs.get(key);
    if (!ref) {
      // Kept for the whole import: copied out of the file's text, which would stay in memory otherwise.
      const source = {
        title: detached(title),
        url: url === null ? null : detached(url),
        publishedOn: publishedOn === null ? null : detached(publishedOn),
      };
      ref = { ref: this.refs.size + 1, source };
      this.refs.set(detached(key), ref);
    }
    if (known) this.known += 1;
    const { period } = input;
    this.text.push(
      `${row}\t${known ? "t" : "f"}\t${input.zoneId}\t${input.indicatorId}\t${input.basis}\t${copyText(period.label)}\t${period.start}\t${period.end}\t${period.granularity}\t${input.value}\t${input.publishedValue}\t${copyText(input.publishedUnit)}\t${input.qualifier}\t${input.yoyPct ?? "\\N"}\t${input.status}\t${ref.ref}\t${copyText(input.quote)}\t${copyText(input.note)}\n`,
    );
    this.rows += 1;
    return this.rows >= CHUNK_ROWS ? this.flush() : undefined;
  }

  /** Merges what is left and returns the counts; the caller's transaction decides whether it stays. */
  async finish(): Promise<MergeOutcome> {
    await this.flush();
    await this.settle();
    await this.nameEarlierRows();
    return this.outcome;
  }

  /** Waits for the merge in flight, so the connection is free for the caller's rollback. */
  async settle(): Promise<void> {
    await this.merging;
    if (this.failure) throw this.failure;
  }

  /**
   * The first file row of each figure (zone, indicator, basis, period) among those given, from what
   * this import staged: for naming the rows of plausibility warnings. Call after `finish`.
   */
  async firstRows(identities: readonly IdentityRef[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (identities.length === 0) return found;
    const rows = await rawQuery(
      this.tx,
      "first rows of figures",
      `SELECT c.zone_id, c.indicator_id, c.basis, c.s, c.e, min(r.row)::int AS row
         FROM unnest({{zones}}::int[], {{indicators}}::int[], {{bases}}::text[], {{starts}}::text[], {{ends}}::text[]) AS c(zone_id, indicator_id, basis, s, e)
         JOIN ${ROWS} r ON r.zone_id = c.zone_id AND r.indicator_id = c.indicator_id AND r.basis::text = c.basis
                       AND r.period_start = c.s::date AND r.period_end = c.e::date
        GROUP BY 1, 2, 3, 4, 5`,
      FirstRowSchema,
      {
        zones: identities.map((i) => i.zone_id),
        indicators: identities.map((i) => i.indicator_id),
        bases: identities.map((i) => i.basis),
        starts: identities.map((i) => i.s),
        ends: identities.map((i) => i.e),
      },
    );
    for (const r of rows) found.set(identityKey(r), r.row);
    return found;
  }

  /**
   * Hands the chunk to the database: its sources, its COPY and its merge run on the connection while the
   * next chunk is read and checked into the other buffer. Waits only for the chunk before it.
   */
  private async flush(): Promise<void> {
    await this.settle();
    if (this.rows === 0) return;
    const rows = this.rows;
    const known = this.known;
    this.rows = 0;
    this.known = 0;
    const text = this.text;
    this.text = this.sent;
    this.sent = text;
    // Not awaited: the chunk's refs are taken now, its statements run in order on the connection.
    this.merging = this.send(text, rows, known, this.refs.size).catch((error: unknown) => {
      this.failure = error;
    });
  }

  private async send(text: CopyText, rows: number, known: number, refs: number): Promise<void> {
    await this.resolveSources(refs);
    await this.tx.$executeRawUnsafe(`TRUNCATE ${STAGING}`);
    await this.load(text.bytes());
    text.clear();
    await this.merge(rows, known);
  }

  /** The sources of refs up to `upTo` not resolved yet: written (or found) and given their ids in the refs table. */
  private async resolveSources(upTo: number): Promise<void> {
    if (this.resolvedRefs >= upTo) return;
    const fresh = [...this.refs.values()].slice(this.resolvedRefs, upTo);
    const ids = await this.sources.resolve(fresh.map((f) => f.source));
    await rawExecute(
      this.tx,
      "source refs of the chunk",
      `INSERT INTO ${SOURCE_REFS} (ref, source_id) SELECT * FROM unnest({{refs}}::int[], {{sources}}::int[])`,
      { refs: fresh.map((f) => f.ref), sources: fresh.map((f) => ids.get(f.source) ?? 0) },
    );
    this.resolvedRefs = upTo;
  }

  private async merge(rows: number, known: number): Promise<void> {
    const wanted = Math.max(0, this.maxRevisions - this.outcome.revisions.length);
    const listed = Math.max(0, this.maxConflicts - this.outcome.conflicts.length - this.unnamed.length);
    const run = async (sql: string) => {
      const [result] = await rawQuery(this.tx, "merge staged observations", sql, MergeRowSchema, {
        importId: this.importId,
        revisions: wanted,
        conflicts: listed,
      });
      if (!result) throw new Error("The merge of staged observations returned nothing");
      return result;
    };
    const insertNew = async (): Promise<MergeRow> => {
      await this.tx.$executeRawUnsafe(LOG_ROWS);
      const added = await rawExecute(this.tx, "insert new observations", INSERT_NEW, { importId: this.importId });
      return { added, revised: 0, matched: 0, repeated: 0, again: 0, conflicts: 0, conflicted: [], details: [] };
    };
    let result: MergeRow;
    // Rows of series new to the database go in without a lookup; a figure given twice among them
    // breaks the identity key, and then the chunk is merged again with every row looked up.
    await this.tx.$executeRawUnsafe("SAVEPOINT import_chunk");
    try {
      result = known === 0 ? await insertNew() : await run(FAST_MERGE);
      await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT import_chunk");
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_chunk");
      result = await run(CAREFUL_MERGE);
      await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT import_chunk");
    }
    const repeatsSame = result.repeated + result.again - result.conflicts;
    this.outcome.added += result.added;
    this.outcome.revised += result.revised;
    this.outcome.unchanged += result.matched - result.again - result.revised + repeatsSame;
    this.outcome.conflictCount += result.conflicts;
    if (result.added + result.matched + result.repeated !== rows || result.matched > rows - result.added)
      throw new Error(
        `Merging ${rows} staged observations (${known} of known series) accounted for ${result.added + result.matched + result.repeated}`,
      );
    for (const c of result.conflicted) {
      if (c.earlier === null) this.unnamed.push(c.row);
      else this.outcome.conflicts.push({ row: c.row, earlier: c.earlier });
    }
    for (const d of result.details) {
      this.outcome.revisions.push({
        row: d.row,
        key: identityKey(d),
        before: pick(d, "old_"),
        after: pick(d, ""),
      });
    }
  }

  /** The earlier rows of conflicts that met a figure of an earlier chunk: the first staged row of the same figure. */
  private async nameEarlierRows(): Promise<void> {
    if (this.unnamed.length === 0) return;
    const rows = await rawQuery(
      this.tx,
      "earlier rows of conflicts",
      `SELECT c.row, min(e.row)::int AS earlier
         FROM ${ROWS} c JOIN ${ROWS} e ON ${identityMatch("e", "c")} AND e.row < c.row
        WHERE c.row = ANY({{rows}}::int[])
        GROUP BY c.row`,
      ConflictSchema,
      { rows: this.unnamed },
    );
    this.outcome.conflicts.push(...rows);
    this.outcome.conflicts.sort((a, b) => a.row - b.row);
    this.unnamed = [];
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
