// The query string of a compare view, with no dependency on zod so client components can use it.

export type ViewParams = {
  indicator: string;
  zones: readonly string[];
  basis?: string | undefined;
  freq?: string | undefined;
  transform?: string | undefined;
  base?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  chart?: string | undefined;
  axis?: string | undefined;
  view?: string | undefined;
};

const ORDER = ["indicator", "zones", "basis", "freq", "transform", "base", "from", "to", "chart", "axis", "view"] as const;
const DEFAULTS: Partial<Record<(typeof ORDER)[number], string>> = { transform: "level", chart: "line", axis: "date", view: "chart" };

/** The query string of a view, parameters in a fixed order, defaults left out. */
export function viewQuery(view: ViewParams): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = view[key];
    if (value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (DEFAULTS[key] === text) continue;
    params.set(key, text);
  }
  return params.toString().replaceAll("%2C", ",");
}
