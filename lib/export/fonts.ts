// The font of every export: Noto Sans SC (regular and bold), shipped from npm, so Chinese and Latin
// text look the same on every machine. Measures text for layout, and cuts subsets holding only the
// characters an export uses (a full CJK font is 10 MB).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import subsetFont from "subset-font";

export const FONT_FAMILY = "Noto Sans SC";
export type Weight = "regular" | "bold";

const FILES: Record<Weight, string> = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
};

const holder = globalThis as typeof globalThis & { ftzFonts?: Map<Weight, { bytes: Buffer; font: fontkit.Font }> };

export function fontFile(weight: Weight): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", FILES[weight]);
}

function load(weight: Weight): { bytes: Buffer; font: fontkit.Font } {
  holder.ftzFonts ??= new Map();
  let entry = holder.ftzFonts.get(weight);
  if (!entry) {
    const bytes = fs.readFileSync(fontFile(weight));
    entry = { bytes, font: fontkit.create(bytes) as fontkit.Font };
    holder.ftzFonts.set(weight, entry);
  }
  return entry;
}

export function fontBytes(weight: Weight): Buffer {
  return load(weight).bytes;
}

const widths = new Map<string, number>();

/** The width of a line of text in pixels at a size, as the font lays it out. */
export function measureText(text: string, size: number, weight: Weight = "regular"): number {
  const key = `${weight}|${text}`;
  let units = widths.get(key);
  if (units === undefined) {
    const { font } = load(weight);
    units = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, units);
  }
  return units * size;
}

/**
 * How much wider Latin text may be set by a program that ignores the embedded font (librsvg, Inkscape,
 * Word, PowerPoint fall back to DejaVu Sans, Arial or Calibri; DejaVu Sans, the widest, runs about 12%
 * wider than Noto Sans). CJK characters are one em in every CJK font.
 */
export const FALLBACK_LATIN_WIDTH = 1.16;

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+/g;

/**
 * The width to lay a line out for, whatever renders it: the embedded font's CJK widths, and its Latin
 * widths with room for a wider fallback font (see FALLBACK_LATIN_WIDTH).
 */
export function measureForAnyRenderer(text: string, size: number, weight: Weight = "regular"): number {
  const cjk = (text.match(CJK) ?? []).join("");
  const latin = text.replace(CJK, "");
  return (cjk ? measureText(cjk, size, weight) : 0) + (latin ? measureText(latin, size, weight) * FALLBACK_LATIN_WIDTH : 0);
}

const subsets = new Map<string, Buffer>();

/** A font holding just the given characters (plus digits and basic punctuation), as TrueType or WOFF2. */
export async function fontSubset(text: string, weight: Weight, format: "truetype" | "woff2"): Promise<Buffer> {
  const chars = [...new Set(`${text}0123456789.,:;%+-–—()·/ `)].sort().join("");
  const key = createHash("sha1").update(`${weight}|${format}|${chars}`).digest("hex");
  let subset = subsets.get(key);
  if (!subset) {
    subset = await subsetFont(fontBytes(weight), chars, { targetFormat: format });
    if (subsets.size > 200) subsets.clear();
    subsets.set(key, subset);
  }
  return subset;
}
