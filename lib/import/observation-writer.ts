// The write path of observations, loaded the way database tools load: checked rows are encoded as
// COPY text and sent in chunks into a staging table on the import's own connection and transaction
// (COPY … FROM STDIN on a server, COPY … FROM '/dev/blob' on PGlite), and one set-based statement per
// chunk merges the chunk into observations: new rows inserted, changed rows kept as vintages and
// revised, the rest unchanged. On a server the next chunk is read and checked while the database
// merges the last one, so the file and the database work at once; memory holds at most two chunks.
// Chunks never share an identity (the run rejects a figure given twice), so merging chunk by chunk
// is the same as merging the whole file at once.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { driverConnection, type DriverConnection } from "../db/transaction-connection.ts";
import type { ObservationInput, SourceInput } from "./map.ts";
import { sourceKey, type SourceCache, type Tx } from "./persist.ts";

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

export type MergeOutcome = { added: number; revised: number; unchanged: number; revisions: Revision[] };

// Rows per chunk: large enough that a chunk's statements cost little beside its rows (~8 MB of COPY
// text), small enough that two chunks in memory stay far below the import's memory budget.
const CHUNK_ROWS = 50_000;
const STAGING = "import_staging";
const SOURCE_REFS = "import_source_refs";

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

/**
 * One chunk's merge, $1 = the import id, $2 = how many revisions to describe. Every part reads the
 * snapshot from before the statement: the vintage keeps the value the update replaces, and a row
 * revised here is not inserted again. A row matches only when its series was known (LATERAL … LIMIT 1
 * probes the identity index once per such row, whatever the planner thinks the staging table holds).
 * Rows go in staging order, which is the file's: COPY appends in order and a plain scan reads it back.
 */
const MERGE_SQL = `
WITH staged AS (
  SELECT s.*, r.source_id FROM ${STAGING} s JOIN ${SOURCE_REFS} r ON r.ref = s.source_ref
), matched AS (
  SELECT s.*, o.id AS observation_id, o.updated_at AS recorded_at, o.import_id AS recorded_by,
         ${FIGURE.map((c) => `o.${c} AS old_${c}`).join(", ")}
    FROM staged s
    CROSS JOIN LATERAL (SELECT * FROM observations o WHERE ${identityMatch("o", "s")} LIMIT 1) o
   WHERE s.known
), changed AS (
  SELECT * FROM matched m WHERE (${FIGURE.map((c) => `m.old_${c}`).join(", ")}) IS DISTINCT FROM (${figureList("m")})
), kept AS (
  INSERT INTO observation_vintages (observation_id, ${FIGURE.join(", ")}, import_id, recorded_at, superseded_at, superseded_by_import_id)
  SELECT c.observation_id, ${FIGURE.map((col) => `c.old_${col}`).join(", ")}, c.recorded_by, c.recorded_at, now(), $1
    FROM changed c
), revised AS (
  UPDATE observations o
     SET period = c.period, granularity = c.granularity, ${FIGURE.map((col) => `${col} = c.${col}`).join(", ")},
         import_id = $1, updated_at = now()
    FROM changed c WHERE o.id = c.observation_id
), added AS (
  INSERT INTO observations (${IDENTITY.join(", ")}, period, granularity, ${FIGURE.join(", ")}, import_id)
  SELECT ${IDENTITY.map((c) => `s.${c}`).join(", ")}, s.period, s.granularity, ${figureList("s")}, $1
    FROM staged s
   WHERE NOT s.known OR NOT EXISTS (SELECT 1 FROM observations o WHERE ${identityMatch("o", "s")})
  RETURNING 1
)
SELECT (SELECT count(*) FROM added)::int AS added,
       (SELECT count(*) FROM changed)::int AS revised,
       (SELECT count(*) FROM matched)::int AS matched,
       (SELECT coalesce(json_agg(d ORDER BY d.row), '[]'::json) FROM (
          SELECT c.row, c.zone_id, c.indicator_id, c.basis::text AS basis,
                 to_char(c.period_start, 'YYYY-MM-DD') AS s, to_char(c.period_end, 'YYYY-MM-DD') AS e,
                 ${FIGURE.map((col) => `c.old_${col}, c.${col}`).join(", ")}
            FROM changed c ORDER BY c.row LIMIT $2) d) AS details`;

type MergeRow = { added: number; revised: number; matched: number; details: DetailRow[] };
type DetailRow = { row: number; zone_id: number; indicator_id: number; basis: string; s: string; e: string } & FigureValues & {
    [K in keyof FigureValues as `old_${K}`]: FigureValues[K];
  };

/** Loads one chunk of COPY text lines into the staging table, on the transaction's connection. */
type LoadChunk = (lines: readonly string[]) => Promise<void>;

const COPY_STAGING = `COPY ${STAGING} FROM STDIN`;

function serverLoader(client: Extract<DriverConnection, { kind: "postgres" }>["client"]): LoadChunk {
  return async (lines) => {
    // pipeline() ends the COPY when the lines are sent; on any failure it destroys the stream, which
    // sends CopyFail, so the connection leaves COPY mode and the transaction can roll back.
    await pipeline(Readable.from(batches(lines)), client.query(copyFrom(COPY_STAGING)));
  };
}

function embeddedLoader(tx: Extract<DriverConnection, { kind: "pglite" }>["tx"]): LoadChunk {
  return async (lines) => {
    await tx.query(`COPY ${STAGING} FROM '/dev/blob'`, [], { blob: new Blob(lines as string[]) });
  };
}

/** Lines joined into pieces of about 64 KB: fewer, larger writes to the socket. */
function* batches(lines: readonly string[]): Iterable<string> {
  for (let i = 0; i < lines.length; i += 400) yield lines.slice(i, i + 400).join("");
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A text value in COPY's text format (tab-separated; backslash escapes; \N is NULL). */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

export class ObservationWriter {
  private lines: string[] = [];
  private known = 0;
  /** The merge of the previous chunk, running on the server while this one is read. */
  private merging: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly refs = new Map<string, { ref: number; source: SourceInput }>();
  private resolvedRefs = 0;
  private readonly outcome: MergeOutcome = { added: 0, revised: 0, unchanged: 0, revisions: [] };

  private constructor(
    private readonly tx: Tx,
    private readonly importId: number,
    private readonly sources: SourceCache,
    private readonly load: LoadChunk,
    private readonly maxRevisions: number,
  ) {}

  /** Creates the staging tables (dropped at the end of the transaction) on the transaction `tx`. */
  static async open(tx: Tx, importId: number, sources: SourceCache, maxRevisions: number): Promise<ObservationWriter> {
    const connection = await driverConnection(tx);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${STAGING} (${STAGING_COLUMNS}) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${SOURCE_REFS} (ref int PRIMARY KEY, source_id int NOT NULL) ON COMMIT DROP`);
    const load = connection.kind === "postgres" ? serverLoader(connection.client) : embeddedLoader(connection.tx);
    return new ObservationWriter(tx, importId, sources, load, maxRevisions);
  }

  /** Stages a checked row; `known` when its series had figures before this import. Waits when a chunk is due. */
  async add(row: number, input: ObservationInput, known: boolean): Promise<void> {
    const key = sourceKey(input.source);
    let ref = this.refs.get(key);
    if (!ref) {
      ref = { ref: this.refs.size + 1, source: input.source };
      this.refs.set(key, ref);
    }
    if (known) this.known += 1;
    const { period } = input;
    this.lines.push(
      `${row}\t${known ? "t" : "f"}\t${input.zoneId}\t${input.indicatorId}\t${input.basis}\t${copyText(period.label)}\t${period.start}\t${period.end}\t${period.granularity}\t${input.value}\t${input.publishedValue}\t${copyText(input.publishedUnit)}\t${input.qualifier}\t${input.yoyPct ?? "\\N"}\t${input.status}\t${ref.ref}\t${copyText(input.quote)}\t${copyText(input.note)}\n`,
    );
    if (this.lines.length >= CHUNK_ROWS) await this.flush();
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

  private async flush(): Promise<void> {
    await this.settle();
    if (this.lines.length === 0) return;
    const lines = this.lines;
    const known = this.known;
    this.lines = [];
    this.known = 0;
    await this.resolveSources();
    await this.tx.$executeRawUnsafe(`TRUNCATE ${STAGING}`);
    await this.load(lines);
    // Not awaited: the next chunk is read and checked while the server merges this one.
    this.merging = this.merge(lines.length, known).catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Sources first seen since the last chunk: written (or found) and given their ids in the refs table. */
  private async resolveSources(): Promise<void> {
    if (this.resolvedRefs === this.refs.size) return;
    const fresh = [...this.refs.values()].slice(this.resolvedRefs);
    const ids = await this.sources.resolve(fresh.map((f) => f.source));
    await this.tx.$executeRawUnsafe(
      `INSERT INTO ${SOURCE_REFS} (ref, source_id) SELECT * FROM unnest($1::int[], $2::int[])`,
      fresh.map((f) => f.ref),
      fresh.map((f) => ids.get(f.source) ?? 0),
    );
    this.resolvedRefs = this.refs.size;
  }

  private async merge(rows: number, known: number): Promise<void> {
    const wanted = Math.max(0, this.maxRevisions - this.outcome.revisions.length);
    const [result] = await this.tx.$queryRawUnsafe<MergeRow[]>(MERGE_SQL, this.importId, wanted);
    if (!result) throw new Error("The merge of staged observations returned nothing");
    this.outcome.added += result.added;
    this.outcome.revised += result.revised;
    this.outcome.unchanged += result.matched - result.revised;
    if (result.added + result.matched !== rows || result.matched > known)
      throw new Error(`Merging ${rows} staged observations accounted for ${result.added + result.matched}`);
    for (const d of result.details) {
      this.outcome.revisions.push({
        row: d.row,
        key: `${d.zone_id}|${d.indicator_id}|${d.basis}|${d.s}|${d.e}`,
        before: pick(d, "old_"),
        after: pick(d, ""),
      });
    }
  }
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
