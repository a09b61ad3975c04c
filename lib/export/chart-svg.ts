// A comparison chart as a standalone SVG for reports: title, subtitle, legend, the plot (the same
// chart model the page draws), numbered events, the sources, "data as of" and an ftz-monitor footer.
// Text stays text (searchable, selectable); the font travels inside the file as a subset.
import type { ChartModel, ModelPoint } from "../domain/chart-model.ts";
import { formatCompact, formatSeriesValue, type Locale } from "../domain/format.ts";
import { niceTicks } from "../domain/scale.ts";
import { sourceTitleText } from "../domain/language.ts";
import type { SvgLabels } from "../i18n/export-words.ts";

export type SvgOptions = {
  width: number;
  height: number;
  type: "line" | "bar";
  locale: Locale;
  labels: SvgLabels;
  measure: (text: string, size: number, bold?: boolean) => number;
};
export type RenderedSvg = { svg: string; text: string };

const INK = "#1a1f2b";
const MUTED = "#545d6b";
const GRID = "#e3e6eb";
const PAD = 24;
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Breaks text into lines no wider than `width` (CJK may break between any two characters). */
export function wrap(text: string, width: number, size: number, measure: SvgOptions["measure"], bold = false): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (line && measure(`${line}${token}`.trimEnd(), size, bold) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function clip(lines: string[], max: number, more: (n: number) => string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), more(lines.length - max + 1)];
}

export function renderChartSvg(model: ChartModel, options: SvgOptions): RenderedSvg {
  const { width, height, locale, labels, measure } = options;
  const zh = locale === "zh";
  const parts: string[] = [];
  const texts: string[] = [];
  const text = (
    x: number,
    y: number,
    content: string,
    size: number,
    attrs: { fill?: string; bold?: boolean; anchor?: "start" | "middle" | "end"; extra?: string } = {},
  ) => {
    texts.push(content);
    parts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}"${attrs.bold ? ' font-weight="700"' : ""} fill="${attrs.fill ?? INK}"${attrs.anchor && attrs.anchor !== "start" ? ` text-anchor="${attrs.anchor}"` : ""}${attrs.extra ?? ""}>${escapeXml(content)}</text>`,
    );
  };
  const inner = width - 2 * PAD;

  // Header: title, subtitle, legend.
  let y = PAD;
  for (const line of clip(wrap(model.title, inner, 20, measure, true), 2, () => "…")) {
    y += 24;
    text(PAD, y, line, 20, { bold: true });
  }
  for (const line of clip(wrap(model.subtitle, inner, 13, measure), 2, () => "…")) {
    y += 19;
    text(PAD, y, line, 13, { fill: MUTED });
  }
  y += 12;
  let x = PAD;
  let legendY = y + 12;
  for (const s of model.series) {
    const label = s.emptyReason ? `${s.label} — ${s.emptyReason}` : s.label;
    const w = 30 + measure(label, 12.5) + 18;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      legendY += 18;
    }
    parts.push(
      `<line x1="${x}" y1="${legendY - 4}" x2="${x + 22}" y2="${legendY - 4}" stroke="${s.color}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    parts.push(`<circle cx="${x + 11}" cy="${legendY - 4}" r="3.5" fill="${s.color}"/>`);
    text(x + 28, legendY, label, 12.5, { fill: s.emptyReason ? MUTED : INK });
    x += w;
  }
  y = legendY + 10;

  // Footer, from the bottom up: brand line, sources, events.
  const footer: { line: string; size: number; fill: string }[] = [];
  const eventText = model.events.map((e) => `${eventMarker(e.n)} ${e.dateText} ${e.zoneLabel}: ${e.title}`).join(zh ? "；" : "; ");
  const eventLines = eventText
    ? clip(wrap(`${labels.events}: ${eventText}`, inner, 10.5, measure), 2, (n) => (zh ? `… 另有 ${n} 行` : `… ${n} more lines`))
    : [];
  const sourceText = model.sources
    .map((s) => `[${s.n}] ${sourceTitleText(s.title, model.locale)}${s.publishedOn ? ` (${s.publishedOn})` : ""}`)
    .join(zh ? "；" : "; ");
  const sourceLines = sourceText
    ? clip(wrap(`${labels.sources}: ${sourceText}`, inner, 10.5, measure), 4, (n) =>
        zh ? `… 另有 ${n} 行来源，见 CSV` : `… ${n} more lines of sources: see the CSV`,
      )
    : [];
  for (const line of eventLines) footer.push({ line, size: 10.5, fill: MUTED });
  for (const line of sourceLines) footer.push({ line, size: 10.5, fill: MUTED });
  const brand = [labels.footer, model.asOf ? `${labels.dataAsOf} ${model.asOf}` : "", labels.hollow].filter(Boolean).join(" · ");
  footer.push({ line: brand, size: 10, fill: MUTED });
  const footerHeight = footer.length * 14 + 8;

  // Plot area.
  const plotTop = y + 8;
  const plotBottom = height - PAD - footerHeight - (model.axis === "launch" ? 44 : 30);
  const points = model.series.flatMap((s) => s.points);
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks.at(-1) ?? 1;
  const percentish = model.unit === "percent" || model.unit === "pp" || model.unit === "index";
  const tickText = (v: number) =>
    percentish ? formatSeriesValue(v, model.unit, model.baseUnit, locale, { signed: model.signed }) : formatCompact(v, locale);
  const labelWidth = Math.max(...ticks.map((t) => measure(tickText(t), 11))) + 10;
  const plotLeft = PAD + labelWidth;
  const plotRight = width - PAD;
  const yOf = (v: number) => plotBottom - ((v - yMin) / (yMax - yMin || 1)) * (plotBottom - plotTop);

  parts.push(`<g class="grid">`);
  for (const tick of ticks) {
    const ty = yOf(tick);
    parts.push(
      `<line x1="${plotLeft}" y1="${ty.toFixed(1)}" x2="${plotRight}" y2="${ty.toFixed(1)}" stroke="${tick === 0 ? "#8c95a3" : GRID}" stroke-width="1"/>`,
    );
    text(plotLeft - 8, ty + 4, tickText(tick), 11, { fill: MUTED, anchor: "end" });
  }
  parts.push(`</g>`);

  if (points.length === 0) {
    text((plotLeft + plotRight) / 2, (plotTop + plotBottom) / 2, labels.noFigures, 14, { fill: MUTED, anchor: "middle" });
  } else if (options.type === "bar") {
    const categories = [...new Map(points.map((p) => [p.periodText, p.x])).entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label);
    const band = (plotRight - plotLeft) / categories.length;
    const barWidth = Math.min(36, (band * 0.8) / Math.max(1, model.series.length));
    categories.forEach((category, i) => {
      const center = plotLeft + band * (i + 0.5);
      text(center, plotBottom + 18, category, 11, { fill: MUTED, anchor: "middle" });
      model.series.forEach((s, j) => {
        const point = s.points.find((p) => p.periodText === category);
        if (!point) return;
        const bx = center - (barWidth * model.series.length) / 2 + j * barWidth;
        const top = Math.min(yOf(point.value), yOf(0));
        const h = Math.abs(yOf(point.value) - yOf(0));
        parts.push(
          `<rect x="${bx.toFixed(1)}" y="${top.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${point.qualifier === "exact" ? s.color : "#ffffff"}" stroke="${s.color}" stroke-width="1.5"${dataAttributes(s.key, point)}/>`,
        );
      });
    });
  } else {
    const [x0, x1] = model.domain ?? [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
    const xOf = (v: number) => plotLeft + ((v - x0) / (x1 - x0 || 1)) * (plotRight - plotLeft);
    for (const tick of xTicks(model, points, x0, x1, locale)) {
      const tx = xOf(tick.value);
      parts.push(`<line x1="${tx.toFixed(1)}" y1="${plotBottom}" x2="${tx.toFixed(1)}" y2="${plotBottom + 4}" stroke="#8c95a3"/>`);
      text(tx, plotBottom + 18, tick.label, 11, { fill: MUTED, anchor: "middle" });
    }
    if (model.axis === "launch")
      // Below the tick labels, never on their line.
      text(plotRight, plotBottom + 36, zh ? "挂牌后月数" : "months since launch", 10.5, { fill: MUTED, anchor: "end" });
    for (const event of model.events) {
      const ex = xOf(event.x);
      parts.push(
        `<line x1="${ex.toFixed(1)}" y1="${plotTop}" x2="${ex.toFixed(1)}" y2="${plotBottom}" stroke="${event.color}" stroke-dasharray="3 3" stroke-opacity="0.8"/>`,
      );
      text(ex + 3, plotTop + 10 + event.row * 12, eventMarker(event.n), 10, { fill: INK });
    }
    for (const s of model.series) {
      const sorted = [...s.points].sort((a, b) => a.x - b.x);
      if (sorted.length > 1) {
        const d = sorted.map((p, i) => `${i ? "L" : "M"}${xOf(p.x).toFixed(1)},${yOf(p.value).toFixed(1)}`).join(" ");
        parts.push(
          `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
        );
      }
      for (const p of sorted) {
        const cx = xOf(p.x).toFixed(1);
        const cy = yOf(p.value).toFixed(1);
        if (p.status !== "ok") parts.push(`<circle cx="${cx}" cy="${cy}" r="7.5" fill="none" stroke="#8a1c12" stroke-dasharray="2 2"/>`);
        parts.push(
          `<circle cx="${cx}" cy="${cy}" r="4.5" fill="${p.qualifier === "exact" ? s.color : "#ffffff"}" stroke="${s.color}" stroke-width="2"${dataAttributes(s.key, p)}/>`,
        );
      }
    }
  }
  parts.push(`<line x1="${plotLeft}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}" stroke="#8c95a3"/>`);

  let fy = height - PAD - footerHeight + 14;
  for (const f of footer) {
    text(PAD, fy, f.line, f.size, { fill: f.fill });
    fy += 14;
  }

  const title = escapeXml(model.title);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" font-family="FONT_FAMILY_PLACEHOLDER">`,
    `<title>${title}</title>`,
    `<desc>${escapeXml(model.subtitle)}</desc>`,
    "FONT_FACE_PLACEHOLDER",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
  ].join("\n");
  return { svg, text: [...texts, model.title, model.subtitle].join("") };
}

/** Each drawn point says what it is, so the numbers can be read back out of the file. */
/** An event's number as its marker reads, so it cannot run into the date after it: ① … ⑳, then (21). */
export function eventMarker(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

function dataAttributes(zone: string, p: ModelPoint): string {
  return ` data-zone="${escapeXml(zone)}" data-start="${p.start}" data-end="${p.end}" data-value="${p.value}" data-qualifier="${p.qualifier}"`;
}

function xTicks(model: ChartModel, points: ModelPoint[], x0: number, x1: number, locale: Locale): { value: number; label: string }[] {
  if (model.axis === "launch")
    return niceTicks(Math.max(0, x0), x1, 6)
      .filter((t) => t >= x0 && t <= x1)
      .map((t) => ({ value: t, label: String(t) }));
  const first = new Date(x0).getUTCFullYear();
  const last = new Date(x1).getUTCFullYear();
  if (last - first <= 1) {
    const unique = [...new Map(points.map((p) => [p.x, p.periodText])).entries()].sort((a, b) => a[0] - b[0]);
    const step = Math.ceil(unique.length / 6);
    return unique.filter((_, i) => i % step === 0).map(([value, label]) => ({ value, label }));
  }
  const step = last - first > 12 ? 2 : 1;
  const ticks: { value: number; label: string }[] = [];
  for (let year = first; year <= last + 1; year += step) {
    const value = Date.UTC(year, 0, 1);
    if (value >= x0 && value <= x1) ticks.push({ value, label: locale === "zh" ? `${year}年` : String(year) });
  }
  return ticks.length
    ? ticks
    : [{ value: (x0 + x1) / 2, label: `${MONTHS_EN[new Date((x0 + x1) / 2).getUTCMonth()]} ${new Date((x0 + x1) / 2).getUTCFullYear()}` }];
}
