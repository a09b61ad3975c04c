// What the finder's parts share while they read one text: the text, its lexicon and mentions, and where a
// number stands (its sentence and clause, and the names a list pairs it with).
import type { IsoDate } from "../domain/dates.ts";
import type { Found, Lexicon, NameMention } from "./lexicon.ts";
import type { NumberMention } from "./numbers.ts";
import type { TimeMention } from "./periods.ts";
import type { Sentence } from "./text.ts";
import type { ExtractSource, Span } from "./types.ts";

export type Located = {
  mention: NumberMention;
  sentence: Sentence;
  clause: Span;
  pairedZone?: string;
  /** Paired by "respectively" with a name that is no zone of the catalog. */
  pairedUnknown?: boolean;
  pairedIndicator?: string;
  listEnd?: number;
};

export type Context = {
  text: string;
  lexicon: Lexicon;
  source: ExtractSource;
  zoneMentions: NameMention[];
  indicatorMentions: Found[];
  times: TimeMention[];
  titleZone: string | null;
  events: { zone: string; date: IsoDate; words: string[] }[];
};

export function findNumbersBetween(ctx: Context, from: number, to: number, self: NumberMention): Span[] {
  const text = ctx.text.slice(from, to);
  const out: Span[] = [];
  for (const m of text.matchAll(
    /(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)*\s?(?:万亿|亿|万|千|million|billion|trillion)?\s?(?:元|美元|吨|标准箱|标箱|家|个|项|户|yuan|dollars|tonnes|tons|TEUs?|enterprises|companies|projects|[a-z-]+)/gi,
  )) {
    const start = from + m.index;
    if (start !== self.span.start) out.push({ start, end: start + m[0].length });
  }
  return out;
}
