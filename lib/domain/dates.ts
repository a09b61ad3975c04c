// Calendar arithmetic on ISO dates (YYYY-MM-DD strings). Pure and time-zone free: a date here is a
// day in the calendar, never an instant.

export type IsoDate = string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function splitIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  // The import calls this several times per row: fixed-width slices, not split() and an array per call
  // (that took a tenth of a million-row import's time).
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
  }
  const [year = NaN, month = NaN, day = NaN] = date.split("-").map(Number);
  return { year, month, day };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole months from a to b, counting calendar months (2020-09-24 → 2021-01-25 is 4). */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const from = splitIsoDate(a);
  const to = splitIsoDate(b);
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The calendar date of a Date instant read in UTC (how the database returns DATE columns); null stays null. */
export function toIsoDate(date: Date): IsoDate;
export function toIsoDate(date: Date | null): IsoDate | null;
export function toIsoDate(date: Date | null): IsoDate | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** How much of a date a text states: the day, the month or only the year. */
export type DatePrecision = "day" | "month" | "year";

/** A date stated as YYYY, YYYY-MM or YYYY-MM-DD: the first and last day it covers, and its precision. */
export type PartialDate = { start: IsoDate; end: IsoDate; precision: DatePrecision };

/** `2024`, `2024-04`, `2024-04-15` (spaces around allowed); null where the text is no such real date (2024-13, 2023-02-29, 24-04-01). */
export function parsePartialDate(text: string): PartialDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (!isValidDate(year, month ?? 1, day ?? 1)) return null;
  if (month === undefined) return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: "year" };
  if (day === undefined) return { start: isoDate(year, month, 1), end: endOfMonth(year, month), precision: "month" };
  const date = isoDate(year, month, day);
  return { start: date, end: date, precision: "day" };
}
