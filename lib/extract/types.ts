// The figure finder's vocabulary: the catalog it reads names from, and the candidates it proposes.
import type { IsoDate } from "../domain/dates.ts";
import type { Basis, BaseUnit, IndicatorKind, Qualifier, ZoneKind } from "../domain/vocabulary.ts";

export type ExtractZone = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  kind: ZoneKind;
  parent: string | null;
  establishedOn: IsoDate | null;
  aliases: readonly string[];
};

export type ExtractIndicator = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  unit: BaseUnit;
  kind: IndicatorKind;
  aliases: readonly string[];
};

/** A dated event of a zone: a text that names it dates the figures told beside it. */
export type ExtractEvent = { zone: string; date: IsoDate; titleEn: string; titleZh: string | null };

export type ExtractCatalog = {
  zones: readonly ExtractZone[];
  indicators: readonly ExtractIndicator[];
  events?: readonly ExtractEvent[];
};

/**
 * `publishedPrecision`: how much of `publishedOn` the source states (default `day`); a page dated only "2024-04"
 * or "2024" passes the last day of that month or year with `month` or `year`.
 */
export type ExtractSource = {
  title: string;
  url?: string | null;
  publishedOn: IsoDate;
  publishedPrecision?: "day" | "month" | "year";
};

export type Span = { start: number; end: number };

export type Candidate = {
  zone: string;
  indicator: string;
  /** Package syntax: 2020, 2021-H1, 2022-01/2022-09, 2020-09-24/2021-01-25, 2021-01-25. */
  period: string;
  basis: Basis;
  /** The number as published, without thousands separators, and its unit as published (亿元, billion yuan, 家). */
  value: string;
  unit: string;
  valueBase: number;
  unitBase: BaseUnit;
  qualifier: Qualifier;
  yoyPct: number | null;
  /** The shortest span that holds the figure (number, unit, qualifier), and the sentence around it. */
  figure: Span;
  quote: string;
  quoteSpan: Span;
  confidence: number;
  reasons: string[];
};

export type Unplaced = { text: string; span: Span; reason: string };

export type Extraction = { candidates: Candidate[]; unplaced: Unplaced[] };
