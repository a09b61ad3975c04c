// The columns of each table of a data package (README "Data format"), and the header check.
import type { RowProblem, TableName } from "../domain/imports.ts";

type ColumnSpec = { required: readonly string[]; optional: readonly string[]; order: readonly string[] };

// Column lists in the order of the data format document; `order` is how templates and exports lay them out.
function spec(order: readonly string[], required: readonly string[]): ColumnSpec {
  return { required, optional: order.filter((c) => !required.includes(c)), order };
}

/** The columns of observations.csv, in the data format's order (also what the benchmark generator writes). */
export const OBSERVATION_ORDER = [
  "zone",
  "indicator",
  "period",
  "basis",
  "value",
  "unit",
  "qualifier",
  "yoy_pct",
  "source_title",
  "source_url",
  "published_on",
  "quote",
  "status",
  "note",
] as const;

export const COLUMNS: Record<TableName, ColumnSpec> = {
  zones: spec(
    ["code", "name_en", "name_zh", "kind", "parent", "established_on", "area_km2", "note", "aliases"],
    ["code", "name_en", "kind"],
  ),
  indicators: spec(
    ["code", "name_en", "name_zh", "unit", "kind", "category", "description", "aliases", "comparable"],
    ["code", "name_en", "unit", "kind"],
  ),
  observations: spec(OBSERVATION_ORDER, ["zone", "indicator", "period", "value", "unit", "source_title"]),
  targets: spec(
    ["zone", "indicator", "year", "value", "unit", "source_title", "source_url", "published_on", "note"],
    ["zone", "indicator", "year", "value", "unit"],
  ),
  events: spec(
    ["zone", "date", "kind", "title_en", "title_zh", "description", "category", "source_title", "source_url", "published_on", "quote"],
    ["zone", "date", "kind", "title_en"],
  ),
};

export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/**
 * Checks a header row. Returns the column names (normalized) and the problems: unknown columns,
 * duplicated columns and missing required ones. `fatal` is set when rows cannot be read at all.
 */
/** A cell as quoted in a message: a long one cut, so that one cell cannot swell the answer. */
export function shown(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function checkHeader(
  table: TableName,
  cells: readonly string[],
  file: string,
): { columns: string[]; problems: RowProblem[]; fatal: boolean } {
  const spec = COLUMNS[table];
  const known = new Set(spec.order);
  const columns = cells.map(normalizeHeader);
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === "" && cells.length > index + 1) {
      problems.push({ table, row: 1, file, column: `#${index + 1}`, message: `Column ${index + 1} has no name` });
    } else if (column !== "" && !known.has(column)) {
      problems.push({
        table,
        row: 1,
        file,
        column: shown(column),
        message: `Unknown column '${shown(column)}' in ${table}. Columns are: ${spec.order.join(", ")}`,
      });
    } else if (seen.has(column)) {
      problems.push({ table, row: 1, file, column, message: `Column '${column}' appears twice` });
    }
    seen.add(column);
  });
  const missing = spec.required.filter((column) => !seen.has(column));
  for (const column of missing) {
    problems.push({ table, row: 1, file, column, message: `Required column '${column}' is missing from ${table}` });
  }
  return { columns, problems, fatal: missing.length > 0 };
}

/** Guesses the table of a lone CSV file or sheet from its name, else from its columns. */
export function guessTable(name: string, header: readonly string[]): TableName | undefined {
  const stem = name
    .replace(/\.[^.]+$/, "")
    .trim()
    .toLowerCase();
  const byName = (Object.keys(COLUMNS) as TableName[]).find(
    (table) => stem === table || stem.endsWith(`-${table}`) || stem.endsWith(`_${table}`),
  );
  if (byName) return byName;
  const columns = new Set(header.map(normalizeHeader));
  if (columns.has("period") && columns.has("indicator")) return "observations";
  if (columns.has("year") && columns.has("indicator")) return "targets";
  if (columns.has("title_en") && columns.has("date")) return "events";
  if (columns.has("unit") && columns.has("name_en")) return "indicators";
  if (columns.has("kind") && columns.has("name_en")) return "zones";
  return undefined;
}
