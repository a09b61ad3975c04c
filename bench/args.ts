// Command-line values shared by the benchmark scripts.

/** A whole number such as 1000000, 1_000_000, 1,000,000, 100k or 1m; at least `min`. */
export function parseCount(text: string, name: string, min = 1): number {
  const match = /^(\d+(?:[.,_]\d+)*)([km]?)$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase();
  const base = match ? Number(match[1]!.replace(/[,_]/g, "")) : NaN;
  const value = Math.round(base * (unit === "k" ? 1e3 : unit === "m" ? 1e6 : 1));
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not '${text}'`);
  return value;
}

export const BENCHMARKS = ["import", "api", "pages", "load", "replicas", "export", "js", "lighthouse"] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

/** `--only import,api`: the benchmarks named, each checked. */
export function parseOnly(text: string): Benchmark[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length || names.length === 0)
    throw new Error(
      `--only takes a comma-separated list of ${BENCHMARKS.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`,
    );
  return names as Benchmark[];
}
