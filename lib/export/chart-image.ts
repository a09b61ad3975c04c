// A chart model as a finished image: an SVG file with its font inside, or a PNG rasterised from that
// SVG (resvg, as WebAssembly) at 1×–4× pixel density.
import fs from "node:fs";
import path from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { ChartModel } from "../domain/chart-model.ts";
import type { Locale } from "../domain/format.ts";
import type { SvgLabels } from "../i18n/export-words.ts";
import { renderChartSvg } from "./chart-svg.ts";
import { FONT_FAMILY, fontSubset, measureForAnyRenderer } from "./fonts.ts";

export type ImageOptions = { width: number; height: number; type: "line" | "bar"; locale: Locale; labels: SvgLabels };

const holder = globalThis as typeof globalThis & { ftzResvg?: Promise<void> };

function ready(): Promise<void> {
  holder.ftzResvg ??= initWasm(
    fs.readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@resvg", "resvg-wasm", "index_bg.wasm")),
  );
  return holder.ftzResvg;
}

function draw(model: ChartModel, options: ImageOptions) {
  // Laid out for any renderer: text that fits with the embedded font also fits with a wider fallback.
  return renderChartSvg(model, {
    ...options,
    measure: (text, size, bold) => measureForAnyRenderer(text, size, bold ? "bold" : "regular"),
  });
}

/** The SVG file: the chart with a subset of Noto Sans SC embedded, so it looks the same everywhere. */
export async function chartSvg(model: ChartModel, options: ImageOptions): Promise<string> {
  const { svg, text } = draw(model, options);
  const [regular, bold] = await Promise.all([fontSubset(text, "regular", "woff2"), fontSubset(text, "bold", "woff2")]);
  const faces = [
    `@font-face { font-family: "${FONT_FAMILY}"; font-weight: 400; src: url(data:font/woff2;base64,${regular.toString("base64")}) format("woff2"); }`,
    `@font-face { font-family: "${FONT_FAMILY}"; font-weight: 700; src: url(data:font/woff2;base64,${bold.toString("base64")}) format("woff2"); }`,
  ].join("\n");
  return svg
    .replace("FONT_FACE_PLACEHOLDER", `<style>\n${faces}\n</style>`)
    .replace("FONT_FAMILY_PLACEHOLDER", `${FONT_FAMILY}, sans-serif`);
}

/** The PNG: `scale` pixels per unit of width and height (2 for print, 3 for slides). */
export async function chartPng(model: ChartModel, options: ImageOptions, scale: number): Promise<Uint8Array> {
  await ready();
  const { svg, text } = draw(model, options);
  const [regular, bold] = await Promise.all([fontSubset(text, "regular", "truetype"), fontSubset(text, "bold", "truetype")]);
  const plain = svg.replace("FONT_FACE_PLACEHOLDER", "").replace("FONT_FAMILY_PLACEHOLDER", FONT_FAMILY);
  const resvg = new Resvg(plain, {
    font: { fontBuffers: [new Uint8Array(regular), new Uint8Array(bold)], defaultFontFamily: FONT_FAMILY, loadSystemFonts: false },
    fitTo: { mode: "zoom", value: scale },
  });
  return resvg.render().asPng();
}
