import { describe, expect, it } from "vitest";
import {
  GRID_COLUMNS,
  GRID_ROWS,
  PROVINCE_TILES,
  SHADE_TEXT,
  SHADES,
  shadeClass,
  shadeLegend,
  shadeScale,
} from "@/lib/domain/province-grid";
import { seedZones } from "../support/seed-zones";

const at = (code: string) => {
  const tile = PROVINCE_TILES.find((t) => t.code === code);
  if (!tile) throw new Error(code);
  return tile;
};
const touches = (a: string, b: string) => Math.max(Math.abs(at(a).col - at(b).col), Math.abs(at(a).row - at(b).row)) === 1;

describe("the province tile grid", () => {
  it("has the 34 province-level divisions, each on its own tile", () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(34);
    expect([GRID_COLUMNS, GRID_ROWS]).toEqual([8, 8]);
  });

  it("holds every province of the seed under the same code", () => {
    const provinces = seedZones("province").map((zone) => zone.code);
    expect(provinces.length).toBeGreaterThanOrEqual(22);
    for (const code of provinces)
      expect(
        PROVINCE_TILES.some((t) => t.code === code),
        code,
      ).toBe(true);
  });

  it("keeps neighbours next to each other: Anhui among Jiangsu, Zhejiang, Henan, Hubei and Jiangxi", () => {
    for (const neighbour of ["jiangsu", "zhejiang", "henan", "hubei", "jiangxi", "shandong"])
      expect(touches("anhui", neighbour), neighbour).toBe(true);
    expect(touches("shanghai", "jiangsu")).toBe(true);
    expect(touches("beijing", "tianjin")).toBe(true);
    expect(touches("guangdong", "hong-kong")).toBe(true);
    expect(touches("xinjiang", "guangdong")).toBe(false);
  });
});

describe("the sequential scale", () => {
  it("puts about as many values in each of five classes, so one large value does not pale the rest", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 2600];
    const scale = shadeScale(values)!;
    expect(values.map((v) => shadeClass(v, scale))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(shadeLegend(scale)).toEqual([
      { shade: 0, min: 1, max: 2 },
      { shade: 1, min: 3, max: 4 },
      { shade: 2, min: 5, max: 6 },
      { shade: 3, min: 7, max: 8 },
      { shade: 4, min: 9, max: 2600 },
    ]);
  });

  it("gives equal values one class, and fewer than five values the darkest shades", () => {
    const tied = shadeScale([5, 5, 5, 5, 5, 9])!;
    expect(shadeClass(5, tied)).toBe(0);
    const two = shadeScale([10, 20])!;
    expect([shadeClass(10, two), shadeClass(20, two)]).toEqual([3, 4]);
    expect(shadeScale([])).toBeUndefined();
  });
});

describe("the shades", () => {
  // WCAG 2 relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it("get lighter to darker, each with a text colour of at least 4.5:1 on it", () => {
    const lum = SHADES.map(luminance);
    expect([...lum].sort((a, b) => b - a)).toEqual(lum);
    SHADES.forEach((shade, i) => expect(contrast(shade, SHADE_TEXT[i]!), shade).toBeGreaterThanOrEqual(4.5));
  });
});
