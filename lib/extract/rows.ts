// Accepted candidates as rows of a package's observations table (../shared/DATA-FORMAT.md), and that table as
// CSV text: what the finder hands to the ordinary importer. Pure.
import { parseUnit } from "../domain/units.ts";
import { baseUnitLabel } from "../domain/units.ts";
import { OBSERVATION_ORDER } from "../import/columns.ts";
import type { Candidate, ExtractSource } from "./types.ts";

/** The observations table's columns the finder fills: the data format's order, without the reviewer's status and note. */
export const OBSERVATION_COLUMNS = OBSERVATION_ORDER.filter(
  (column): column is Exclude<(typeof OBSERVATION_ORDER)[number], "status" | "note"> => column !== "status" && column !== "note",
);

export type ObservationRow = Record<(typeof OBSERVATION_COLUMNS)[number], string>;

/** The unit as published where the importer reads it (亿元, billion yuan), else the value in the base unit. */
export function packageValue(candidate: Pick<Candidate, "value" | "unit" | "valueBase" | "unitBase">): { value: string; unit: string } {
  const unit = parseUnit(candidate.unit);
  if (unit.ok && unit.unit.base === candidate.unitBase) return { value: candidate.value, unit: candidate.unit };
  return { value: String(candidate.valueBase), unit: baseUnitLabel(candidate.unitBase) };
}

export function candidateRow(
  candidate: Pick<
    Candidate,
    "zone" | "indicator" | "period" | "basis" | "value" | "unit" | "valueBase" | "unitBase" | "qualifier" | "yoyPct" | "quote"
  >,
  source: ExtractSource,
): ObservationRow {
  const { value, unit } = packageValue(candidate);
  return {
    zone: candidate.zone,
    indicator: candidate.indicator,
    period: candidate.period,
    basis: candidate.basis,
    value,
    unit,
    qualifier: candidate.qualifier,
    yoy_pct: candidate.yoyPct === null ? "" : String(candidate.yoyPct),
    source_title: source.title,
    source_url: source.url ?? "",
    // A page dated only by month or year has no day to give the source: the finder's last-day stand-in is not one.
    published_on: (source.publishedPrecision ?? "day") === "day" ? source.publishedOn : "",
    quote: candidate.quote.replace(/\s+/g, " ").trim(),
  };
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** An observations.csv (UTF-8, header first) of the rows. */
export function observationsCsv(rows: readonly ObservationRow[]): string {
  return [OBSERVATION_COLUMNS.join(","), ...rows.map((row) => OBSERVATION_COLUMNS.map((c) => cell(row[c])).join(","))].join("\n") + "\n";
}
