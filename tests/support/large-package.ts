// A large observations file made on the fly: daily figures of the test zones, so that an import of it
// spans several staging chunks. Values are the row's own number, so a revision is easy to state.
import { addDays } from "@/lib/domain/dates";
import { textFile } from "./fixtures";

const ZONES = ["synthetic-a", "synthetic-a-north", "synthetic-b"] as const;
export const LARGE_HEADER = "zone,indicator,period,value,unit,source_title,source_url,published_on";

/** Line `i` (0-based) of the large file: one day of one zone, `value` as given (default i + 1). */
export function largeLine(i: number, value: number | string = i + 1): string {
  const zone = ZONES[i % ZONES.length] ?? "synthetic-a";
  const day = addDays("1950-01-01", Math.floor(i / ZONES.length));
  return `${zone},new_enterprises,${day},${value},count,Synthetic Daily ${day.slice(0, 4)},https://example.org/daily,${day.slice(0, 4)}-12-31`;
}

/** `rows` rows; `change` rewrites some lines (a revision, a bad last row). */
export function largeText(rows: number, change: (i: number) => string | undefined = () => undefined): string {
  const lines = [LARGE_HEADER];
  for (let i = 0; i < rows; i += 1) lines.push(change(i) ?? largeLine(i));
  return `${lines.join("\n")}\n`;
}

export function largeFile(rows: number, change?: (i: number) => string | undefined) {
  return textFile(largeText(rows, change));
}
