// The words a chart model needs, in the reader's language.
import type { ModelWords } from "../domain/chart-model.ts";
import type { Locale } from "../domain/format.ts";
import { fill, messages } from "./messages.ts";
import { describeNote } from "./series.ts";

export function chartWords(locale: Locale): ModelWords {
  const t = messages(locale);
  return {
    basis: t.series.basis,
    freq: t.series.freq,
    transform: t.series.transform,
    unit: t.series.unit,
    derivation: t.series.derivation,
    combined: t.series.combined,
    impliedBy: (rate, period) => fill(t.series.impliedBy, { rate, period }),
    rate: { ...t.series.rate, both: (published, computed) => fill(t.series.rate.both, { published, computed }) },
    noFigures: t.compare.noFigures,
    noLaunch: t.compare.noLaunch,
    baseLabel: (base) => (base === "launch" ? t.compare.baseLaunch : base === "first" ? t.compare.baseFirst : base),
    describeNote: (note) => describeNote(note, locale),
  };
}
