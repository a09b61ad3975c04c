import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES, shadeClass, shadeScale } from "@/lib/domain/province-grid";

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
    const provinces = fs
      .readdirSync("prisma/seed")
      .flatMap((dir) =>
        fs.existsSync(`prisma/seed/${dir}/zones.csv`) ? fs.readFileSync(`prisma/seed/${dir}/zones.csv`, "utf8").split("\n") : [],
      )
      .filter((line) => line.split(",")[3] === "province")
      .map((line) => line.split(",")[0]);
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
  it("splits the range into five equal classes, the largest value darkest", () => {
    const scale = shadeScale([10, 60, 20, 110]);
    expect(scale).toEqual({ min: 10, max: 110, breaks: [10, 30, 50, 70, 90] });
    expect([10, 29.9, 30, 60, 89, 110].map((v) => shadeClass(v, scale!))).toEqual([0, 0, 1, 2, 3, 4]);
  });

  it("has no scale without values, and one class for one value", () => {
    expect(shadeScale([])).toBeUndefined();
    const one = shadeScale([5]);
    expect(one && shadeClass(5, one)).toBe(4);
  });
});
