// Colours of zones in charts: the Okabe–Ito palette, which readers with colour-blindness can tell apart.
// The Anhui and Zhejiang FTZs always have the same colours, their provinces lighter kin of them.

export const ANHUI = "#0072B2";
export const ZHEJIANG = "#D55E00";

const FIXED: Record<string, string> = {
  "anhui-ftz": ANHUI,
  "zhejiang-ftz": ZHEJIANG,
  anhui: "#56B4E9",
  zhejiang: "#E69F00",
};

const REST = ["#009E73", "#CC79A7", "#000000", "#8A6D00", "#6C7A89", "#5D3A9B", "#1B7837", "#B2182B"];

/** A colour for each zone of a chart, fixed for the two FTZs and their provinces, distinct for the rest. */
export function zoneColors(codes: readonly string[]): string[] {
  const taken = new Set(codes.map((code) => FIXED[code]).filter(Boolean));
  const free = REST.filter((c) => !taken.has(c));
  let next = 0;
  return codes.map((code) => FIXED[code] ?? free[next++ % free.length] ?? "#000000");
}

/** Dash patterns that tell series apart without colour: solid, dashed, dotted … */
export const DASHES = ["", "6 4", "2 3", "10 3 2 3", "1 4"] as const;

/** The colour of a zone's family: the Anhui FTZ's blue for its areas too, the Zhejiang FTZ's vermillion for its. */
export function familyColor(code: string): string {
  if (code === "anhui" || code.startsWith("anhui-ftz")) return ANHUI;
  if (code === "zhejiang" || code.startsWith("zhejiang-ftz")) return ZHEJIANG;
  return "#3d4f66";
}
