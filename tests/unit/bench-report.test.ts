// The benchmark's arithmetic and reading: percentiles, the scripts a page loads, and which figures
// meet their targets.
import { describe, expect, it } from "vitest";
import { librariesIn, scriptUrls } from "@/bench/http-bench";
import { markdown, summaryRows, type BenchResults } from "@/bench/report";
import { quantile, summarize } from "@/bench/stats";

describe("quantile", () => {
  it("interpolates between the sorted values", () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(quantile([], 0.5)).toBeNaN();
    expect(summarize([5, 1, 9])).toEqual({ p50: 5, p95: 8.6, min: 1, max: 9, n: 3 });
  });
});

describe("scriptUrls", () => {
  it("finds the page's own scripts and preloaded chunks once each, not other origins", () => {
    const html = `<html><head>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>
      <link rel="stylesheet" href="/_next/static/chunks/x.css"/>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script src="/_next/static/chunks/b.js?dpl=1&amp;v=2" async=""></script>
      <script src="https://cdn.example.com/c.js"></script>
      <script>self.__next_f.push([1])</script>
    </head></html>`;
    expect(scriptUrls(html, "http://127.0.0.1:3100/compare?x=1")).toEqual([
      "http://127.0.0.1:3100/_next/static/chunks/a.js",
      "http://127.0.0.1:3100/_next/static/chunks/b.js?dpl=1&v=2",
    ]);
  });

  it("names the libraries a chunk betrays", () => {
    expect(librariesIn('className:"recharts-layer";e._zod.def.shape')).toEqual(["recharts", "zod"]);
    expect(librariesIn("function a(){}")).toEqual([]);
  });
});

describe("summaryRows", () => {
  const timing = (p50: number) => ({ p50, p95: p50 * 1.5, min: p50 / 2, max: p50 * 2, n: 30 });
  const results: BenchResults = {
    meta: {
      date: "2026-11-23T00:00:00Z",
      observations: 1_000_000,
      seed: 42,
      zones: 251,
      commit: "abc1234",
      node: "20.20.2",
      cpu: "CPU",
      cores: 2,
      memoryGb: 24,
      postgres: "15.20",
      benchmarks: ["import", "pages"],
      requests: { api: 30, pages: 10, exports: 10, importRuns: 3, lighthouseRuns: 3 },
      durationSeconds: 600,
    },
    import: {
      observations: 1_000_000,
      runs: [],
      seconds: 20,
      rowsPerSecond: 50_000,
      peakRssMb: 640,
      copy: { method: "psql COPY FROM STDIN", runs: [2], seconds: 2, rowsPerSecond: 500_000 },
      ratio: 10,
      indexedInsert: { seconds: 10, rowsPerSecond: 100_000, indexes: 7 },
      floorRatio: 2,
      summary: { new: 1_000_000, warnings: 0, errors: 0 },
      observationsTableMb: 300,
    },
    pages: [
      { path: "/", timing: timing(120), bytes: 10_000 },
      { path: "/data", timing: timing(600), bytes: 10_000 },
    ],
  };

  it("marks each figure met or missed against its target, and says by how much", () => {
    const rows = summaryRows(results);
    expect(rows.map((r) => [r.area, r.met])).toEqual([
      ["import", true],
      ["import", false],
      ["import", null],
      ["import", null],
      ["import", false],
      ["pages", true],
      ["pages", false],
    ]);
    // 400 MB and 1.5× the floor: the limits of issue 18.
    expect(rows[1]?.value).toBe("640 MB (1.6× the limit)");
    expect(rows[4]).toMatchObject({ value: "2.00×", target: "≤ 1.5×" });
    expect(rows[6]?.value).toContain("(4.0× the limit)");
    expect(markdown(results)).toContain("**2 of 5 targets met.**");
  });
});

describe("the load cases in the report", () => {
  const load = (path: string, rps: number, p99: number, errors = 0, encoding: "gzip" | "identity" = "gzip") => ({
    name: path,
    path,
    concurrency: 16,
    encoding,
    seconds: 10,
    requests: Math.round(rps * 10),
    rps,
    p50: p99 / 3,
    p99,
    max: p99 * 2,
    hits: Math.round(rps * 10) - 1,
    misses: 1,
    errors,
  });
  const meta = {
    date: "2026-12-03T12:00:00Z",
    observations: 100_000,
    seed: 42,
    zones: 30,
    commit: "abc1234",
    node: "20.20.2",
    cpu: "CPU",
    cores: 2,
    memoryGb: 24,
    postgres: "15.20",
    benchmarks: ["load"],
    requests: { api: 30, pages: 10, exports: 10, importRuns: 3, lighthouseRuns: 3, loadSeconds: 10, loadClients: 16 },
    durationSeconds: 60,
  };

  it("judges the overview against ≥ 300 req/s at p99 < 100 ms without errors, and reports the others", () => {
    const rows = (cases: ReturnType<typeof load>[]) => summaryRows({ meta, load: cases });
    expect(rows([load("/", 310, 90), load("/api/series", 900, 30)]).map((r) => r.met)).toEqual([true, null]);
    expect(rows([load("/", 290, 90)])[0]?.met).toBe(false);
    expect(rows([load("/", 310, 100)])[0]?.met).toBe(false);
    expect(rows([load("/", 310, 90, 3)])[0]?.met).toBe(false);
    expect(rows([load("/", 200, 90, 0, "identity")])[0]?.met).toBeNull();
    expect(rows([load("/", 310, 90)])[0]?.value).toBe("310 req/s, p50 30.0 ms, p99 90.0 ms; 3,099 hits, 1 misses");
    const md = markdown({ meta, load: [load("/", 310, 90)] });
    expect(md).toContain("## Under load");
    expect(md).toContain("| / | `/` | 16 | 10.0 | 3,100 | 310 | 30.0 ms | 90.0 ms | 180 ms | 3,099 | 1 | 0 |");
  });
});
