import { describe, expect, it } from "vitest";
import { drawnChart, latestRows, type ChartModel, type ModelPoint } from "@/lib/domain/chart-model";
import { lttb, MAX_DRAWN_POINTS } from "@/lib/domain/downsample";

type P = { x: number; y: number };
const X = (p: P) => p.x;
const Y = (p: P) => p.y;

/** A deterministic noisy seasonal series with a few sharp spikes. */
function series(n: number): P[] {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  return Array.from({ length: n }, (_, i) => ({ x: i * 86_400_000, y: 100 + i * 0.01 + 20 * Math.sin(i / 30) + 5 * random() }));
}

describe("downsampling for drawing (LTTB)", () => {
  it("leaves a series at or under the threshold as it is", () => {
    const points = series(1500);
    expect(lttb(points, 1500, X, Y)).toEqual(points);
    expect(lttb(points.slice(0, 2), 1500, X, Y)).toHaveLength(2);
  });

  it("thins a long series to about the threshold, in order, keeping the first and last points", () => {
    const points = series(240_000);
    const drawn = lttb(points, MAX_DRAWN_POINTS, X, Y);
    expect(drawn.length).toBeGreaterThanOrEqual(MAX_DRAWN_POINTS);
    expect(drawn.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 2);
    expect(drawn[0]).toBe(points[0]);
    expect(drawn.at(-1)).toBe(points.at(-1));
    for (let i = 1; i < drawn.length; i += 1) expect((drawn[i] as P).x).toBeGreaterThan((drawn[i - 1] as P).x);
    const originals = new Set(points);
    expect(drawn.every((p) => originals.has(p))).toBe(true);
  });

  it("keeps every peak and trough: a one-point spike up and one down survive", () => {
    const points = series(100_000);
    const up = { x: points[31_337]?.x ?? 0, y: 10_000 };
    const down = { x: points[31_338]?.x ?? 0, y: -10_000 };
    points[31_337] = up;
    points[31_338] = down;
    const drawn = lttb(points, 500, X, Y);
    expect(drawn).toContain(up);
    expect(drawn).toContain(down);
    expect(Math.max(...drawn.map(Y))).toBe(10_000);
    expect(Math.min(...drawn.map(Y))).toBe(-10_000);
  });

  it("keeps the shape: each drawn bucket's range stays within the original's", () => {
    const points = series(50_000);
    const drawn = lttb(points, 1000, X, Y);
    const max = Math.max(...points.map(Y));
    const min = Math.min(...points.map(Y));
    expect(Math.max(...drawn.map(Y))).toBe(max);
    expect(Math.min(...drawn.map(Y))).toBe(min);
  });
});

describe("what a chart component receives (drawnChart) and a panel's short table (latestRows)", () => {
  const point = (i: number, value: number): ModelPoint => ({
    x: i * 2_592_000_000,
    start: `p${i}`,
    end: `p${i}`,
    periodText: `P${i}`,
    value,
    valueText: String(value),
    qualifier: i === 7 ? "approx" : "exact",
    status: "ok",
    sources: [i],
    ...(i === 9 ? { note: "revised" } : {}),
  });
  const points = Array.from({ length: 3000 }, (_, i) => point(i, i === 2222 ? 1e9 : 100 + (i % 12)));
  const model: ChartModel = {
    locale: "en",
    title: "T",
    subtitle: "S",
    unit: "CNY",
    baseUnit: "CNY",
    unitText: "CNY",
    countWord: "",
    signed: false,
    axis: "date",
    domain: [0, 1],
    series: [{ key: "a", label: "A", color: "#000", dash: "", basis: "period", points }],
    events: [],
    table: points.map((p) => ({ key: p.start, periodText: p.periodText, cells: [p] })),
    sources: points.map((p) => ({ n: p.x, id: p.x, title: "s", url: null, publishedOn: null })),
    notes: [{ zone: "A", text: "n" }],
    asOf: null,
  };

  it("leaves out the table, sources and notes and the point fields the chart does not use", () => {
    const drawn = drawnChart(model, 5000);
    expect(Object.keys(drawn).sort()).toEqual(["axis", "baseUnit", "countWord", "domain", "events", "series", "signed", "unit"]);
    expect(drawn.series[0]?.points).toHaveLength(3000);
    expect(drawn.series[0]?.points[7]).toEqual({ x: points[7]?.x, periodText: "P7", value: 107, qualifier: "approx", status: "ok" });
    expect(drawn.series[0]?.points[9]?.note).toBe("revised");
    expect(drawn.series[0]?.downsampledFrom).toBeUndefined();
  });

  it("thins each series to the limit given, keeping the spike, and says from how many", () => {
    const drawn = drawnChart(model, 400);
    const series = drawn.series[0];
    expect(series?.points.length).toBeGreaterThanOrEqual(400);
    expect(series?.points.length).toBeLessThanOrEqual(402);
    expect(series?.points.some((p) => p.value === 1e9)).toBe(true);
    expect(series?.downsampledFrom).toBe(3000);
  });

  it("keeps the latest rows of the table, in order, and nothing else changes", () => {
    const short = latestRows(model, 24);
    expect(short.table).toHaveLength(24);
    expect(short.table[0]?.periodText).toBe("P2976");
    expect(short.table.at(-1)?.periodText).toBe("P2999");
    expect(short.series).toBe(model.series);
    expect(latestRows(model, 5000)).toBe(model);
  });
});
