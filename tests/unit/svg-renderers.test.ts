// The exported SVG rendered by a renderer that is not a browser (librsvg's rsvg-convert, as Inkscape,
// Word and PowerPoint are): no text may leave the canvas. The chart is placed on a larger white page
// with its overflow visible, rendered, and the page outside the chart must stay white.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chartSvg } from "@/lib/export/chart-image";
import { svgLabels } from "@/lib/i18n/export-words";
import { pngPixels } from "../support/files";
import { annual, syntheticData, syntheticSources, syntheticZone, yearlyModel } from "../support/synthetic-compare";

const MARGIN = 200;

function data(locale: "en" | "zh") {
  const title = (i: number) =>
    locale === "zh"
      ? `合成自由贸易试验区第${i}号统计公报：全年进出口总额、实际使用外资、新设企业数及重点项目签约情况的详细说明（合成数据）`
      : `Synthetic Free Trade Zone Statistical Bulletin No. ${i}: imports and exports, foreign capital actually used, new enterprises and the projects signed over the whole year, explained in detail (synthetic)`;
  const zones = (["a", "b"] as const).map((z, i) =>
    syntheticZone(z, [annual(2021, 100e8 + i, 1 + 3 * i), annual(2022, 120e8, 2 + 3 * i), annual(2023, 130e8, 3 + 3 * i)], {
      nameEn: `Synthetic Zone ${z.toUpperCase()} with a rather long name`,
    }),
  );
  const sources = syntheticSources(6, {
    title: (id) => (id === 6 ? `https://example.org/${"a-very-long-unbroken-address-segment-".repeat(6)}` : title(id)),
    publishedOn: "2024-01-31",
  });
  return syntheticData(zones, sources);
}

function rsvgConvert(svg: string): Uint8Array {
  const result = spawnSync("rsvg-convert", ["--format", "png"], { input: svg, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0)
    throw new Error(`rsvg-convert failed (Debian: apt-get install librsvg2-bin): ${result.error?.message ?? result.stderr.toString()}`);
  return new Uint8Array(result.stdout);
}

describe.each(["en", "zh"] as const)("the chart SVG in %s, rendered by rsvg-convert", (locale) => {
  it.each([
    [1000, 600],
    [600, 400],
  ])("keeps every text inside a %i×%i canvas", async (width, height) => {
    const model = yearlyModel(data(locale), locale);
    const svg = await chartSvg(model, { width, height, type: "line", locale, labels: svgLabels(locale) });
    const inner = svg.replace(/^<\?xml[^>]*>\s*/, "").replace("<svg ", '<svg overflow="visible" x="0" y="0" ');
    const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${width + MARGIN}" height="${height + MARGIN}"><rect width="100%" height="100%" fill="#ffffff"/>${inner}</svg>`;
    const { width: w, height: h, rgba } = pngPixels(rsvgConvert(page));
    expect([w, h]).toEqual([width + MARGIN, height + MARGIN]);
    let outside = 0;
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1) {
        if (x < width && y < height) continue;
        const i = (y * w + x) * 4;
        if ((rgba[i] ?? 255) < 200 || (rgba[i + 1] ?? 255) < 200 || (rgba[i + 2] ?? 255) < 200) outside += 1;
      }
    expect(outside).toBe(0);
  });
});
