// The words for a series' notes and errors, from their codes, in the reader's language.
import type { Locale } from "../domain/format.ts";
import type { SeriesError, SeriesNote } from "../domain/series.ts";
import { fill, messages } from "./messages.ts";

export function describeNote(note: SeriesNote, locale: Locale): string {
  const t = messages(locale).series;
  switch (note.code) {
    case "other_lengths": {
      const list = Object.entries(note.lengths)
        .map(([length, count]) => `${count} ${t.lengths[length as keyof typeof t.lengths]}`)
        .join(locale === "zh" ? "，" : ", ");
      return fill(t.notes.other_lengths, { count: note.count, list });
    }
    case "no_base":
      return fill(t.notes.no_base, { base: note.base });
    case "no_area":
      return t.notes.no_area;
    default:
      return fill(t.notes[note.code], { count: note.count });
  }
}

export function describeSeriesError(error: SeriesError, locale: Locale, zoneName = ""): string {
  const t = messages(locale).series;
  switch (error.code) {
    case "mixed_bases": {
      const counts = Object.entries(error.counts)
        .map(([basis, count]) => `${t.basisShort[basis as keyof typeof t.basisShort]} ${count}`)
        .join(locale === "zh" ? "，" : ", ");
      return fill(t.errors.mixed_bases, { zone: zoneName, counts });
    }
    case "pop_running_total":
      return fill(t.errors.pop_running_total, { basis: t.basisShort[error.basis] });
    case "rate_not_scalable":
      return fill(t.errors.rate_not_scalable, { transform: t.transform[error.transform as keyof typeof t.transform] ?? error.transform });
    case "share_without_parent":
      return fill(t.errors.share_without_parent, { zone: zoneName });
    case "no_data":
      return t.errors.no_data;
  }
}
