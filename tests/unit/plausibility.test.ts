// The one 万/亿 slip rule, with hand-checked ratios.
import { describe, expect, it } from "vitest";
import { magnitudeSlip } from "@/lib/domain/plausibility";

describe("magnitudeSlip", () => {
  it.each([
    [5_406.4e8, 5_406.4e4, 4], // 亿元 written as 万元
    [5_406.4e4, 5_406.4e8, -4],
    [1.35e8, 1.35, 8], // 亿吨 written as 吨
    [3_200e4 * 1.2, 3_200, 4], // a year of growth on top of the slip
    [3_400, 1, 4], // log10 3,400 = 3.53: within half an order of 10⁴
  ])("%d beside %d → 10^%d", (value, neighbour, expected) => {
    expect(magnitudeSlip(value, neighbour)).toBe(expected);
  });

  it.each([
    [120, 100],
    [1e6, 1e3], // 10³: not a unit slip
    [3_000, 1], // log10 3,000 = 3.48: more than half an order from 10⁴
    [1e10, 1e4], // 10⁶: not a slip either
    [0, 100],
    [100, 0],
  ])("%d beside %d is no slip", (value, neighbour) => {
    expect(magnitudeSlip(value, neighbour)).toBeNull();
  });

  it("never finds a slip in percentages or without a neighbour", () => {
    expect(magnitudeSlip(50_000, 5, true)).toBeNull();
    expect(magnitudeSlip(50_000, null)).toBeNull();
  });
});
