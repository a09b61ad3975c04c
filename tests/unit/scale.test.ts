import { describe, expect, it } from "vitest";
import { niceTicks } from "@/lib/domain/scale";

describe("niceTicks", () => {
  it.each([
    [0, 236, 5, [0, 50, 100, 150, 200, 250]],
    [0, 5_540_000_000_000, 5, [0, 1e12, 2e12, 3e12, 4e12, 5e12, 6e12]],
    [-25, 28, 5, [-30, -20, -10, 0, 10, 20, 30]],
    [0, 1, 4, [0, 0.25, 0.5, 0.75, 1]],
    [3857, 3857, 5, [1000, 2000, 3000, 4000, 5000, 6000]],
  ])("%d … %d in about %d steps", (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });
  it("always covers the range", () => {
    for (const [min, max] of [
      [0, 7.3],
      [12, 99999],
      [-0.4, 0.9],
    ] as const) {
      const ticks = niceTicks(min, max);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});
