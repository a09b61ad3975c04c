// Row mapping, pure: the text cells of one row in, a typed record (values in base units, periods as
// dates) or the row's problems out. No database, no clock.
import { isValidDate, parsePartialDate, splitIsoDate, type IsoDate } from "../domain/dates.ts";
import { applyBasis, parseBasis, parsePeriod, type Period } from "../domain/periods.ts";
import { checkUnitFits, parseBaseUnit, parseNumber, parseUnit, toBaseValue, type UnitResult } from "../domain/units.ts";
import type { Indicator, Zone } from "../domain/catalog.ts";
import { type Catalog } from "./catalog.ts";
import { shown } from "./columns.ts";
import { detached } from "./csv-records.ts";
import type { RowProblem, RowWarning, TableName } from "../domain/imports.ts";
import {
  EVENT_KINDS,
  INDICATOR_KINDS,
  QUALIFIERS,
  STATUSES,
  ZONE_KINDS,
  type BaseUnit,
  type Basis,
  type EventKind,
  type Qualifier,
  type Status,
} from "../domain/vocabulary.ts";

export type Cells = Record<string, string>;

export type SourceInput = { title: string; url: string | null; publishedOn: IsoDate | null };

/** A zone row of a package, mapped: the domain's zone. */
export type ZoneInput = Zone;

/** An indicator row of a package, mapped: the domain's indicator. */
export type IndicatorInput = Indicator;

export type ObservationInput = {
  zoneId: number;
  indicatorId: number;
  period: Period;
  basis: Basis;
  value: number;
  publishedValue: number;
  publishedUnit: string;
  qualifier: Qualifier;
  /** The change on the same period a year earlier as published (同比), in percent. */
  yoyPct: number | null;
  status: Status;
  source: SourceInput;
  quote: string | null;
  note: string | null;
};

export type TargetInput = {
  zoneId: number;
  indicatorId: number;
  year: number;
  value: number;
  publishedValue: number;
  publishedUnit: string;
  source: SourceInput | null;
};

export type EventInput = {
  zoneId: number;
  occurredOn: IsoDate;
  datePrecision: "year" | "month" | "day";
  kind: EventKind;
  category: string | null;
  titleEn: string;
  titleZh: string | null;
  description: string | null;
  source: SourceInput | null;
  quote: string | null;
};

export type Mapped<T> = { ok: true; value: T; warnings: RowWarning[] } | { ok: false; errors: RowProblem[] };

/** Collects the problems of one row, then gives the record or the problems. */
class RowContext {
  readonly errors: RowProblem[] = [];
  readonly warnings: RowWarning[] = [];

  constructor(
    readonly table: TableName,
    readonly row: number,
    readonly cells: Cells,
    readonly file?: string,
  ) {}

  text(column: string): string {
    return (this.cells[column] ?? "").trim();
  }

  optional(column: string): string | null {
    const value = this.text(column);
    return value === "" ? null : value;
  }

  required(column: string, what: string): string {
    const value = this.text(column);
    if (value === "") this.error(column, `${what} is missing`);
    return value;
  }

  error(column: string, message: string): void {
    this.errors.push({ table: this.table, row: this.row, column, message, ...(this.file ? { file: this.file } : {}) });
  }

  warn(kind: RowWarning["kind"], column: string, message: string): void {
    this.warnings.push({ table: this.table, row: this.row, column, message, kind, ...(this.file ? { file: this.file } : {}) });
  }

  finish<T>(value: () => T): Mapped<T> {
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, value: value(), warnings: this.warnings };
  }
}

/** The longest cell any table takes: a quote or a description is a few sentences, not a document. */
export const MAX_CELL_CHARS = 20_000;

/**
 * Cells no column can take, found before anything else is read from the row: a NUL character
 * (PostgreSQL cannot store one in text) and a cell longer than MAX_CELL_CHARS.
 */
function refuseCells(table: TableName, row: number, cells: Cells, file?: string): { ok: false; errors: RowProblem[] } | undefined {
  const errors: RowProblem[] = [];
  for (const column in cells) {
    const value = cells[column] ?? "";
    const message = value.includes("\u0000")
      ? `Column '${column}' holds a NUL character (\\0), which cannot be stored: remove it (it is often left by a conversion from another program)`
      : value.length > MAX_CELL_CHARS
        ? `Column '${column}' holds ${value.length.toLocaleString("en")} characters; a cell holds at most ${MAX_CELL_CHARS.toLocaleString("en")}`
        : undefined;
    if (message) errors.push({ table, row, column, message, ...(file ? { file } : {}) });
  }
  return errors.length ? { ok: false, errors } : undefined;
}

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

function parseDate(ctx: RowContext, column: string): IsoDate | null {
  const text = ctx.text(column);
  if (text === "") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.error(column, `'${text}' is not a date: write YYYY-MM-DD, e.g. 2021-01-25`);
    return null;
  }
  return text;
}

function parseEnum<T extends string>(ctx: RowContext, column: string, allowed: readonly T[], fallback?: T): T {
  const text = ctx.text(column).toLowerCase();
  if (text === "" && fallback !== undefined) return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  ctx.error(
    column,
    text === ""
      ? `${column} is missing: one of ${allowed.join(", ")}`
      : `'${ctx.text(column)}' is not a ${column}: use one of ${allowed.join(", ")}`,
  );
  return allowed[0] as T;
}

const QUALIFIER_WORDS: Record<string, Qualifier> = {
  "at least": "at_least",
  "at-least": "at_least",
  超: "at_least",
  超过: "at_least",
  突破: "at_least",
  逾: "at_least",
  over: "at_least",
  exceed: "at_least",
  exceeds: "at_least",
  more_than: "at_least",
  "at most": "at_most",
  "at-most": "at_most",
  不超过: "at_most",
  under: "at_most",
  约: "approx",
  近: "approx",
  about: "approx",
  around: "approx",
  nearly: "approx",
  approximately: "approx",
};

function parseQualifier(ctx: RowContext): Qualifier {
  const text = ctx.text("qualifier").toLowerCase();
  if (text === "") return "exact";
  if ((QUALIFIERS as readonly string[]).includes(text)) return text as Qualifier;
  const word = QUALIFIER_WORDS[text];
  if (word) return word;
  ctx.error("qualifier", `'${ctx.text("qualifier")}' is not a qualifier: use exact, at_least (超), at_most or approx (约)`);
  return "exact";
}

function parseSource(ctx: RowContext, required: boolean): SourceInput | null {
  const title = ctx.text("source_title");
  const url = ctx.optional("source_url");
  const publishedOn = parseDate(ctx, "published_on");
  if (title === "") {
    if (required) ctx.error("source_title", "Source is missing: every figure needs the title of the publication it was read from");
    else if (url || publishedOn) ctx.error("source_title", "A source URL or date needs a source title");
    return null;
  }
  if (url !== null && !/^https?:\/\/\S+$/i.test(url))
    ctx.error("source_url", `'${url}' is not a web address: it must start with http:// or https://`);
  return { title, url, publishedOn };
}

function parsePublished(ctx: RowContext, indicator: { code: string; unit: BaseUnit } | undefined, unitOf = parseUnit) {
  const valueText = ctx.text("value");
  const number = parseNumber(valueText);
  if (!number.ok) ctx.error("value", number.message);
  const unitText = ctx.text("unit");
  const unit = unitOf(unitText);
  if (!unit.ok) ctx.error("unit", unit.message);
  else if (indicator) {
    const misfit = checkUnitFits(unit.unit, indicator.code, indicator.unit);
    if (misfit) ctx.error("unit", misfit);
  }
  if (number.ok && number.value < 0 && unit.ok && unit.unit.base !== "percent") {
    ctx.error("value", `Value ${valueText} is negative: amounts and counts cannot be; put growth rates in a % indicator`);
  }
  if (!number.ok || !unit.ok) return undefined;
  const value = toBaseValue(number.value, unit.unit);
  if (!Number.isFinite(value) || !Number.isFinite(number.value)) {
    ctx.error("value", `Value ${valueText.slice(0, 40)}${valueText.length > 40 ? "…" : ""} in ${unitText} is too large to store`);
    return undefined;
  }
  return { publishedValue: number.value, publishedUnit: unitText, value };
}

const MAX_ALIASES = 50;

/** Other names, separated by `;` (or the full-width ；): trimmed, empty ones dropped, each once. */
function parseAliases(ctx: RowContext): string[] {
  const names = [
    ...new Set(
      ctx
        .text("aliases")
        .split(/[;；]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length > MAX_ALIASES) ctx.error("aliases", `${names.length} aliases: at most ${MAX_ALIASES}, separated by ;`);
  return names;
}

const TRUE_WORDS = new Set(["true", "yes", "1", "是"]);
const FALSE_WORDS = new Set(["false", "no", "0", "否"]);

function parseComparable(ctx: RowContext): boolean {
  const text = ctx.text("comparable").toLowerCase();
  if (text === "" || TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  ctx.error("comparable", `'${ctx.text("comparable")}' is not true or false`);
  return true;
}

/** A published year-on-year change in percent: `26.9`, `-3.1` (a trailing % is allowed). */
function parseYoyPct(ctx: RowContext): number | null {
  const text = ctx.text("yoy_pct").replace(/\s*[%％]$/, "");
  if (text === "") return null;
  const number = parseNumber(text.replace(/^\+/, ""));
  if (!number.ok) {
    ctx.error("yoy_pct", `'${ctx.text("yoy_pct")}' is not a percentage change: write a number such as 26.9 or -3.1`);
    return null;
  }
  if (number.value < -100) {
    ctx.error("yoy_pct", `A fall of ${-number.value}% is impossible: a level cannot fall by more than 100%`);
    return null;
  }
  return number.value;
}

function findZone(ctx: RowContext, catalog: Catalog, column = "zone") {
  const ref = ctx.required(column, "Zone");
  if (ref === "") return undefined;
  const zone = catalog.findZone(ref);
  if (!zone) {
    const near = catalog.suggestZones(ref);
    ctx.error(
      column,
      `Unknown zone '${shown(ref)}'${near.length ? `; closest known codes: ${near.join(", ")}` : ""}. Define it in the zones table or use a known code`,
    );
  }
  return zone;
}

function findIndicator(ctx: RowContext, catalog: Catalog) {
  const code = ctx.required("indicator", "Indicator");
  if (code === "") return undefined;
  const indicator = catalog.findIndicator(code);
  if (!indicator) {
    const near = catalog.suggestIndicators(code);
    ctx.error(
      "indicator",
      `Unknown indicator '${shown(code)}'${near.length ? `; closest known codes: ${near.join(", ")}` : ""}. Define it in the indicators table or use a known code`,
    );
  }
  return indicator;
}

export function mapZoneRow(cells: Cells, row: number, knownCodes: ReadonlySet<string>, file?: string): Mapped<ZoneInput> {
  const refused = refuseCells("zones", row, cells, file);
  if (refused) return refused;
  const ctx = new RowContext("zones", row, cells, file);
  const code = ctx.required("code", "Zone code").toLowerCase();
  if (code !== "" && !SLUG.test(code))
    ctx.error("code", `'${ctx.text("code")}' is not a code: use lower-case letters, digits and dashes, e.g. anhui-ftz-wuhu`);
  const nameEn = ctx.required("name_en", "English name");
  const kind = parseEnum(ctx, "kind", ZONE_KINDS);
  const parentText = ctx.optional("parent")?.toLowerCase() ?? null;
  if (parentText !== null) {
    if (parentText === code) ctx.error("parent", "A zone cannot be its own parent");
    else if (!knownCodes.has(parentText))
      ctx.error("parent", `Unknown parent zone '${parentText}': define it in the zones table or use a known code`);
  }
  const establishedOn = parseDate(ctx, "established_on");
  let areaKm2: number | null = null;
  if (ctx.text("area_km2") !== "") {
    const area = parseNumber(ctx.text("area_km2"));
    if (!area.ok) ctx.error("area_km2", area.message);
    else if (area.value <= 0) ctx.error("area_km2", "Area must be a positive number of km²");
    else areaKm2 = area.value;
  }
  return ctx.finish(() => ({
    code,
    nameEn,
    nameZh: ctx.optional("name_zh"),
    kind,
    parentCode: parentText,
    establishedOn,
    areaKm2,
    note: ctx.optional("note"),
    aliases: parseAliases(ctx),
  }));
}

export function mapIndicatorRow(cells: Cells, row: number, file?: string): Mapped<IndicatorInput> {
  const refused = refuseCells("indicators", row, cells, file);
  if (refused) return refused;
  const ctx = new RowContext("indicators", row, cells, file);
  const code = ctx.required("code", "Indicator code").toLowerCase();
  if (code !== "" && !SLUG.test(code))
    ctx.error("code", `'${ctx.text("code")}' is not a code: use lower-case letters, digits and underscores, e.g. new_enterprises`);
  const nameEn = ctx.required("name_en", "English name");
  const unitText = ctx.required("unit", "Base unit");
  const unit = unitText === "" ? undefined : parseBaseUnit(unitText);
  if (unitText !== "" && !unit)
    ctx.error(
      "unit",
      `'${unitText}' is not a base unit: use count, CNY, USD, t, TEU, km2 or % (magnitudes such as 亿元 belong to observations)`,
    );
  const kind = parseEnum(ctx, "kind", INDICATOR_KINDS);
  if (kind === "rate" && unit && unit !== "percent") ctx.error("unit", "A rate indicator is measured in %");
  const aliases = parseAliases(ctx);
  const comparable = parseComparable(ctx);
  return ctx.finish(() => ({
    code,
    nameEn,
    nameZh: ctx.optional("name_zh"),
    unit: unit ?? "count",
    kind,
    category: ctx.optional("category"),
    description: ctx.optional("description"),
    aliases,
    comparable,
  }));
}

/** A period as written, on a basis, for a zone launched on a date: the period it covers, or why not. */
type PeriodAnswer = { period?: Period; message?: string };

function periodOf(text: string, basis: Basis | undefined, launch: IsoDate | undefined): PeriodAnswer {
  const parsed = parsePeriod(text);
  if (!parsed.ok) return { message: parsed.message };
  if (!basis) return {};
  const applied = applyBasis(parsed, basis, launch);
  return applied.ok ? { period: applied.period } : { message: applied.message };
}

/** An answer kept by the memo: its strings copied, so that it holds no chunk of the file (see `detached`). */
function kept(answer: PeriodAnswer): PeriodAnswer {
  const { period, message } = answer;
  return {
    ...(period ? { period: { ...period, label: detached(period.label), start: detached(period.start), end: detached(period.end) } } : {}),
    ...(message !== undefined ? { message: detached(message) } : {}),
  };
}

// Distinct answers a memo keeps before it starts again: far more than a package's periods and units.
const MEMO_ENTRIES = 20_000;

/**
 * The answers of the pure parsers that rows repeat — a period on a basis for a zone's launch, a unit —
 * kept for one table of one import: a million rows hold a few thousand distinct ones, and the same text
 * gets the same answer, message included. Periods are shared between rows and never changed; what the
 * memo keeps is copied out of the file's text (`detached`).
 */
export class MappingMemo {
  private readonly periods = new Map<string, PeriodAnswer>();
  private readonly units = new Map<string, UnitResult>();

  period(text: string, basis: Basis | undefined, launch: IsoDate | undefined): PeriodAnswer {
    // The launch counts only for a cumulative figure (applyBasis reads it for nothing else).
    const key = basis === "cumulative" ? `c|${launch ?? ""}|${text}` : `${basis ?? ""}||${text}`;
    let answer = this.periods.get(key);
    if (!answer) {
      if (this.periods.size >= MEMO_ENTRIES) this.periods.clear();
      answer = kept(periodOf(text, basis, launch));
      this.periods.set(detached(key), answer);
    }
    return answer;
  }

  readonly unit = (text: string): UnitResult => {
    let answer = this.units.get(text);
    if (!answer) {
      if (this.units.size >= MEMO_ENTRIES) this.units.clear();
      const parsed = parseUnit(text);
      answer = parsed.ok ? parsed : { ok: false, message: detached(parsed.message) };
      this.units.set(detached(text), answer);
    }
    return answer;
  };
}

export function mapObservationRow(
  cells: Cells,
  row: number,
  catalog: Catalog,
  file?: string,
  memo = new MappingMemo(),
): Mapped<ObservationInput> {
  const refused = refuseCells("observations", row, cells, file);
  if (refused) return refused;
  const ctx = new RowContext("observations", row, cells, file);
  const zone = findZone(ctx, catalog);
  const indicator = findIndicator(ctx, catalog);
  const basisText = ctx.text("basis");
  const basis = parseBasis(basisText);
  if (!basis) ctx.error("basis", `'${basisText}' is not a basis: use period, ytd, cumulative or point`);
  let period: Period | undefined;
  const periodText = ctx.required("period", "Period");
  if (periodText !== "") {
    const answer = memo.period(periodText, basis, zone?.establishedOn ?? undefined);
    if (answer.message !== undefined) ctx.error("period", answer.message);
    else period = answer.period;
  }
  const published = parsePublished(ctx, indicator, memo.unit);
  const qualifier = parseQualifier(ctx);
  const yoyPct = parseYoyPct(ctx);
  const status = parseEnum(ctx, "status", STATUSES, "ok");
  const source = parseSource(ctx, true);
  if (published && indicator && /share/.test(indicator.code) && indicator.unit === "percent" && published.value > 100) {
    ctx.warn("share_over_100", "value", `A share of ${published.value}% is above 100%`);
  }
  if (period && basis === "cumulative" && zone?.establishedOn && period.start !== zone.establishedOn) {
    ctx.warn(
      "cumulative_start",
      "period",
      `This cumulative figure counts from ${period.start}, but ${zone.code} was launched on ${zone.establishedOn}`,
    );
  }
  return ctx.finish(() => ({
    zoneId: zone!.id,
    indicatorId: indicator!.id,
    period: period!,
    basis: basis!,
    ...published!,
    qualifier,
    yoyPct,
    status,
    source: source!,
    quote: ctx.optional("quote"),
    note: ctx.optional("note"),
  }));
}

export function mapTargetRow(cells: Cells, row: number, catalog: Catalog, file?: string): Mapped<TargetInput> {
  const refused = refuseCells("targets", row, cells, file);
  if (refused) return refused;
  const ctx = new RowContext("targets", row, cells, file);
  const zone = findZone(ctx, catalog);
  const indicator = findIndicator(ctx, catalog);
  const yearText = ctx.required("year", "Year");
  const year = Number(yearText);
  if (yearText !== "" && (!/^\d{4}$/.test(yearText) || !isValidDate(year, 1, 1)))
    ctx.error("year", `'${yearText}' is not a year: write YYYY, e.g. 2025`);
  const published = parsePublished(ctx, indicator);
  if (indicator?.kind === "stock" || indicator?.kind === "rate") {
    // Annual targets are pro-rated over the year, which only makes sense for flows.
    ctx.error("indicator", `Targets are set for flow indicators; '${indicator.code}' is a ${indicator.kind}`);
  }
  const source = parseSource(ctx, false);
  return ctx.finish(() => ({ zoneId: zone!.id, indicatorId: indicator!.id, year, ...published!, source }));
}

export function mapEventRow(cells: Cells, row: number, catalog: Catalog, file?: string): Mapped<EventInput> {
  const refused = refuseCells("events", row, cells, file);
  if (refused) return refused;
  const ctx = new RowContext("events", row, cells, file);
  const zone = findZone(ctx, catalog);
  const dateText = ctx.required("date", "Date");
  const date = dateText === "" ? undefined : parsePartialDate(dateText);
  if (date === null) ctx.error("date", `'${dateText}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY`);
  const occurredOn = date?.start;
  const datePrecision: EventInput["datePrecision"] = date?.precision ?? "day";
  const kind = parseEnum(ctx, "kind", EVENT_KINDS);
  const titleEn = ctx.required("title_en", "English title");
  const source = parseSource(ctx, false);
  return ctx.finish(() => ({
    zoneId: zone!.id,
    occurredOn: occurredOn!,
    datePrecision,
    kind,
    category: ctx.optional("category"),
    titleEn,
    titleZh: ctx.optional("title_zh"),
    description: ctx.optional("description"),
    source,
    quote: ctx.optional("quote"),
  }));
}

/** The identity of an observation: (zone, indicator, basis, period start, period end). */
export function observationKey(o: { zoneId: number; indicatorId: number; basis: Basis; period: { start: IsoDate; end: IsoDate } }): string {
  return `${o.zoneId}|${o.indicatorId}|${o.basis}|${o.period.start}|${o.period.end}`;
}

export function yearOf(date: IsoDate): number {
  return splitIsoDate(date).year;
}
