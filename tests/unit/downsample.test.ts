import { describe, expect, it } from "vitest";
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
