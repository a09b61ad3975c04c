// Periods and bases. A period is a stretch of calendar days [start, end]; its basis says what a value
// over it means: exactly that stretch (`period`), January to its end (`ytd`), since the zone's launch
// (`cumulative`) or a level on its last day (`point`). Pure.
import { daysInMonth, endOfMonth, isoDate, isValidDate, splitIsoDate, type IsoDate } from "./dates.ts";
import { BASES, type Basis, type Granularity } from "./vocabulary.ts";

export type Period = {
  /** Canonical text, e.g. 2021, 2021-H1, 2021-Q3, 2021-07, 2021-07-05, 2021-01/2021-07. */
  label: string;
  start: IsoDate;
  end: IsoDate;
  granularity: Granularity;
};

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

/** A parsed period and whether it was written as an interval (START/END) or a single form. */
export type ParsedPeriod = { ok: true; period: Period; written: "single" | "interval" } | { ok: false; message: string };

const FORMS_HELP = "use YYYY, YYYY-H1, YYYY-Q3, YYYY-MM, YYYY-MM-DD or START/END of those (e.g. 2021-01/2021-09)";

type Span = { start: IsoDate; end: IsoDate };

function parseSingle(text: string): Span | string {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(text))) {
    const year = Number(match[1]);
    if (!isValidDate(year, 1, 1)) return `year ${year} is out of range`;
    return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
  }
  if ((match = /^(\d{4})-H([12])$/i.exec(text))) {
    const year = Number(match[1]);
    const half = Number(match[2]);
    if (!isValidDate(year, 1, 1)) return `year ${year} is out of range`;
    return half === 1
      ? { start: isoDate(year, 1, 1), end: isoDate(year, 6, 30) }
      : { start: isoDate(year, 7, 1), end: isoDate(year, 12, 31) };
  }
  if ((match = /^(\d{4})-Q([1-4])$/i.exec(text))) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    if (!isValidDate(year, 1, 1)) return `year ${year} is out of range`;
    return { start: isoDate(year, quarter * 3 - 2, 1), end: endOfMonth(year, quarter * 3) };
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(text))) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (!isValidDate(year, month, 1)) return `month ${text} does not exist`;
    return { start: isoDate(year, month, 1), end: endOfMonth(year, month) };
  }
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidDate(year, month, day)) return `date ${text} does not exist`;
    const date = isoDate(year, month, day);
    return { start: date, end: date };
  }
  return `'${text}' is not a period`;
}

const isMonthStart = (date: IsoDate) => splitIsoDate(date).day === 1;
const isMonthEnd = (date: IsoDate) => {
  const { year, month, day } = splitIsoDate(date);
  return day === daysInMonth(year, month);
};

/** The granularity a span has: a whole year, half, quarter, month or day, or else an interval. */
export function granularityOf(start: IsoDate, end: IsoDate): Granularity {
  if (start === end) return "day";
  const s = splitIsoDate(start);
  const e = splitIsoDate(end);
  if (s.year !== e.year || s.day !== 1 || !isMonthEnd(end)) return "interval";
  const months = e.month - s.month + 1;
  if (months === 12) return "year";
  if (months === 6 && (s.month === 1 || s.month === 7)) return "half";
  if (months === 3 && s.month % 3 === 1) return "quarter";
  if (months === 1) return "month";
  return "interval";
}

/** The canonical text of a span: the shortest form the data format has for it. */
export function periodLabel(start: IsoDate, end: IsoDate): string {
  const s = splitIsoDate(start);
  const e = splitIsoDate(end);
  const month = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
  switch (granularityOf(start, end)) {
    case "day":
      return start;
    case "year":
      return String(s.year);
    case "half":
      return `${s.year}-H${s.month === 1 ? 1 : 2}`;
    case "quarter":
      return `${s.year}-Q${(s.month + 2) / 3}`;
    case "month":
      return month(s.year, s.month);
    case "interval":
      if (s.month === 1 && s.day === 1 && e.month === 12 && e.day === 31) return `${s.year}/${e.year}`;
      if (isMonthStart(start) && isMonthEnd(end)) return `${month(s.year, s.month)}/${month(e.year, e.month)}`;
      return `${start}/${end}`;
  }
}

function makePeriod(start: IsoDate, end: IsoDate): Period {
  return { label: periodLabel(start, end), start, end, granularity: granularityOf(start, end) };
}

/** Parses any period form of the data format. */
export function parsePeriod(text: string): ParsedPeriod {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `Period is empty: ${FORMS_HELP}` };
  const parts = trimmed.split("/").map((part) => part.trim());
  if (parts.length > 2) return { ok: false, message: `Period '${trimmed}' has more than one '/': ${FORMS_HELP}` };
  const spans = parts.map(parseSingle);
  const bad = spans.find((span): span is string => typeof span === "string");
  if (bad !== undefined) return { ok: false, message: `Period '${trimmed}': ${bad}; ${FORMS_HELP}` };
  const [first, last = first] = spans as Span[];
  if (!first || !last) return { ok: false, message: `Period '${trimmed}' is not a period: ${FORMS_HELP}` };
  if (last.end < first.start) {
    return { ok: false, message: `Period '${trimmed}' ends (${last.end}) before it starts (${first.start})` };
  }
  return { ok: true, period: makePeriod(first.start, last.end), written: parts.length === 2 ? "interval" : "single" };
}

/**
 * Applies a basis to a parsed period, giving the stretch the value really covers:
 * - ytd: January 1 of the end's year to the end; a ytd period must lie in one calendar year and start in January;
 * - cumulative: the zone's launch to the end, when the period is a single date, month …; an interval is kept as given;
 * - point: the period's last day.
 */
export function applyBasis(parsed: { period: Period; written: "single" | "interval" }, basis: Basis, zoneLaunch?: IsoDate): PeriodResult {
  const { period, written } = parsed;
  const startYear = splitIsoDate(period.start).year;
  const endYear = splitIsoDate(period.end).year;
  switch (basis) {
    case "period":
      return { ok: true, period };
    case "ytd": {
      if (startYear !== endYear) {
        return {
          ok: false,
          message: `A year-to-date (ytd) figure covers part of one calendar year, but '${period.label}' spans ${startYear} to ${endYear}`,
        };
      }
      const january = isoDate(endYear, 1, 1);
      if (written === "interval" && period.start !== january) {
        return {
          ok: false,
          message: `A year-to-date (ytd) period starts on 1 January, but '${period.label}' starts on ${period.start}: write it as ${periodLabel(january, period.end)} or use basis 'period'`,
        };
      }
      const ytd = makePeriod(january, period.end);
      // A year-to-date series reads as Jan–Feb, Jan–Mar, Jan–Apr …: label every member as an interval.
      const endsOnMonthEnd = ytd.granularity !== "interval" || /^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(ytd.label);
      const month = period.end.slice(0, 7);
      const label = !endsOnMonthEnd ? ytd.label : month.endsWith("-01") ? month : `${endYear}-01/${month}`;
      return { ok: true, period: { ...ytd, label } };
    }
    case "cumulative": {
      if (written === "interval") return { ok: true, period };
      if (!zoneLaunch) {
        return {
          ok: false,
          message: `A cumulative figure counts from the zone's launch, which is not known for this zone: write the period as LAUNCH/${period.end} or give the zone an established_on date`,
        };
      }
      if (zoneLaunch > period.end) {
        return { ok: false, message: `A cumulative figure as of ${period.end} cannot be before the zone's launch on ${zoneLaunch}` };
      }
      return { ok: true, period: makePeriod(zoneLaunch, period.end) };
    }
    case "point":
      return { ok: true, period: makePeriod(period.end, period.end) };
  }
}

export function parseBasis(text: string): Basis | undefined {
  const normalized = text.trim().toLowerCase();
  if (normalized === "") return "period";
  return (BASES as readonly string[]).includes(normalized) ? (normalized as Basis) : undefined;
}
