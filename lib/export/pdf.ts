// A report as a PDF: A4, text as text (selectable, searchable, Chinese included — Noto Sans SC is
// embedded as a subset), charts as vectors (the export SVG drawn into the page), one numbering of sources for
// the whole report with each source in full in the footnotes of the first page that cites it, and page numbers.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { numberSourcesAcross, type ChartModel, type ModelSource } from "../domain/chart-model.ts";
import { sourceTitleText } from "../domain/language.ts";
import { formatDate, qualifierMark, type Locale } from "../domain/format.ts";
import type { ReportItem } from "../validation/report.ts";
import type { PdfLabels } from "../i18n/export-words.ts";
import { renderChartSvg } from "./chart-svg.ts";
import { fontBytes, FONT_FAMILY, measureText } from "./fonts.ts";

export type PdfItem = { item: ReportItem; type: "line" | "bar"; model: ChartModel | { error: string } };
export type PdfReport = { title: string; notes: string; locale: Locale; date: string; url?: string };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT = A4.width - 2 * MARGIN;
const INK = "#1a1f2b";
const MUTED = "#545d6b";
const REGULAR = "Noto";
const BOLD = "NotoBold";

/** A source's footnote: its number, title (annotations in the report's language), date and address. */
function sourceLine(s: ModelSource, locale: Locale): string {
  return `[${s.n}] ${sourceTitleText(s.title, locale)}${s.publishedOn ? ` (${s.publishedOn})` : ""}${s.url ? ` ${s.url}` : ""}`;
}

const MIN_CHART = 180;
const ROW_HEIGHT = 15;

/**
 * The footnotes of one item: the sources it is the first to cite, in full, and one line pointing to the page
 * that lists the others — so the report names each source once.
 */
type Footnotes = { lines: string[]; height: number };

function footnotesOf(doc: PDFKit.PDFDocument, model: ChartModel, labels: PdfLabels, listed: ReadonlyMap<number, number>): Footnotes {
  const fresh = model.sources.filter((s) => !listed.has(s.id));
  const earlier = model.sources.filter((s) => listed.has(s.id));
  const pages = [...new Set(earlier.map((s) => listed.get(s.id) ?? 0))];
  const lines = [
    ...fresh.map((s) => sourceLine(s, model.locale)),
    ...(earlier.length ? [labels.listedOn(earlier.map((s) => `[${s.n}]`).join(" "), pages)] : []),
  ];
  if (lines.length === 0) return { lines, height: 0 };
  doc.font(REGULAR).fontSize(7.5);
  return { lines, height: doc.heightOfString(`${labels.sources}\n${lines.join("\n")}`, { width: CONTENT, lineGap: 1 }) + 12 };
}

function drawFootnotes(doc: PDFKit.PDFDocument, labels: PdfLabels, footnotes: Footnotes): void {
  if (footnotes.height === 0) return;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const top = A4.height - MARGIN - footnotes.height + 6;
  doc
    .moveTo(MARGIN, top - 6)
    .lineTo(MARGIN + 120, top - 6)
    .lineWidth(0.5)
    .strokeColor("#8c95a3")
    .stroke();
  doc.font(BOLD).fontSize(7.5).fillColor(MUTED).text(labels.sources, MARGIN, top, { width: CONTENT });
  doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
  for (const line of footnotes.lines) doc.text(line, { width: CONTENT, lineGap: 1 });
  doc.page.margins.bottom = bottom;
}

function tableHeightOf(model: ChartModel): number {
  const marked = model.table.some((row) => row.cells.some((cell) => cell?.implied || cell?.rateOrigin));
  return (model.table.length + 1) * ROW_HEIGHT + (marked ? 14 : 0);
}

/** The table of an item: periods down, zones across, as on the compare page. */
function drawTable(doc: PDFKit.PDFDocument, model: ChartModel, labels: PdfLabels, limit: number): void {
  const columns = [labels.period, ...model.series.map((s) => s.label)];
  const firstWidth = Math.min(160, Math.max(90, ...model.table.map((r) => measureText(r.periodText, 8.5) + 12)));
  const other = (CONTENT - firstWidth) / Math.max(1, model.series.length);
  const widths = [firstWidth, ...model.series.map(() => other)];
  const rowHeight = ROW_HEIGHT;
  const header = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.rect(MARGIN, y - 2, CONTENT, rowHeight).fill("#eef1f5");
    doc.font(BOLD).fontSize(8).fillColor(INK);
    columns.forEach((column, i) => {
      doc.text(column, x + 4, y + 2, { width: (widths[i] ?? 60) - 8, align: i === 0 ? "left" : "right", lineBreak: false, ellipsis: true });
      x += widths[i] ?? 60;
    });
    doc.y = y + rowHeight;
  };
  header();
  const used = new Set<"published" | "computed" | "implied">();
  const markOf = (cell: NonNullable<(typeof model.table)[number]["cells"][number]>): string => {
    const kind = cell.implied ? "implied" : cell.rateOrigin;
    if (!kind) return "";
    used.add(kind);
    return kind === "implied" ? "‡" : kind === "published" ? "*" : "†";
  };
  for (const row of model.table) {
    if (doc.y + rowHeight > limit) {
      doc.addPage();
      header();
    }
    let x = MARGIN;
    const y = doc.y;
    doc.font(REGULAR).fontSize(8.5).fillColor(INK);
    doc.text(row.periodText, x + 4, y + 2, { width: (widths[0] ?? 90) - 8, lineBreak: false, ellipsis: true });
    x += widths[0] ?? 90;
    row.cells.forEach((cell, i) => {
      const text = cell
        ? `${qualifierMark(cell.qualifier, model.locale)}${cell.valueText}${markOf(cell)}${cell.sources.length ? ` [${cell.sources.map((id) => model.sources.find((s) => s.id === id)?.n ?? "?").join(",")}]` : ""}`
        : "—";
      doc.text(text, x + 4, y + 2, { width: (widths[i + 1] ?? 60) - 8, align: "right", lineBreak: false, ellipsis: true });
      x += widths[i + 1] ?? 60;
    });
    doc
      .moveTo(MARGIN, y + rowHeight - 1)
      .lineTo(MARGIN + CONTENT, y + rowHeight - 1)
      .lineWidth(0.3)
      .strokeColor("#d9dde3")
      .stroke();
    doc.y = y + rowHeight;
  }
  if (used.size) {
    const legend = (["published", "computed", "implied"] as const).filter((k) => used.has(k)).map((k) => labels.marks[k]);
    doc
      .font(REGULAR)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(legend.join("   "), MARGIN, doc.y + 3, { width: CONTENT });
  }
  doc.x = MARGIN;
}

export async function reportPdf(report: PdfReport, items: PdfItem[], labels: PdfLabels): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: report.title, Creator: "ftz-monitor", Producer: "ftz-monitor" },
    lang: report.locale === "zh" ? "zh-CN" : "en",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", resolve));
  doc.registerFont(REGULAR, fontBytes("regular"));
  doc.registerFont(BOLD, fontBytes("bold"));

  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(MUTED)
    .text(`ftz-monitor · ${labels.report} · ${formatDate(report.date, report.locale)}`, { width: CONTENT });
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(20).fillColor(INK).text(report.title, { width: CONTENT });
  if (report.notes.trim()) {
    doc.moveDown(0.5);
    doc.font(REGULAR).fontSize(10.5).fillColor(INK).text(report.notes.trim(), { width: CONTENT, lineGap: 2 });
  }

  // One numbering of sources for the whole report; each is listed in full on the first page that cites it.
  const numbered = numberSourcesAcross(items.flatMap(({ model }) => ("error" in model ? [] : [model])));
  const models = items.map(({ model }) => ("error" in model ? model : (numbered.shift() ?? model)));
  const listed = new Map<number, number>();

  items.forEach(({ item, type }, index) => {
    const model = models[index] ?? { error: labels.unavailable };
    if (index > 0 || doc.y > A4.height * 0.45) doc.addPage();
    else doc.moveDown(1.2);
    if ("error" in model) {
      doc
        .font(BOLD)
        .fontSize(13)
        .fillColor(INK)
        .text(`${index + 1}. ${labels.unavailable}`, { width: CONTENT });
      doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(model.error, { width: CONTENT });
      return;
    }
    const footnotes = footnotesOf(doc, model, labels, listed);
    const limit = A4.height - MARGIN - footnotes.height - 8;
    doc
      .font(BOLD)
      .fontSize(14)
      .fillColor(INK)
      .text(`${index + 1}. ${model.title}`, { width: CONTENT });
    doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(model.subtitle, { width: CONTENT });
    doc.moveDown(0.5);
    if (item.showChart) {
      const width = CONTENT;
      // A table that fits beside a somewhat smaller chart is not split onto a page of its own.
      const tableHeight = item.showTable && model.table.length ? tableHeightOf(model) : 0;
      const room = limit - doc.y;
      const height =
        tableHeight && tableHeight + MIN_CHART + 10 <= room
          ? Math.min(300, room - tableHeight - 10)
          : Math.min(300, room - (item.showTable ? 60 : 10));
      // The chart without its own title and sources: the page gives them as text and footnotes.
      const { svg } = renderChartSvg(
        { ...model, title: "", subtitle: "", sources: [], asOf: null },
        {
          width: Math.round(width),
          height: Math.max(MIN_CHART, Math.round(height)),
          type,
          locale: report.locale,
          labels: { ...labels, footer: "", hollow: labels.hollow },
          measure: (text, size, bold) => measureText(text, size, bold ? "bold" : "regular"),
        },
      );
      const top = doc.y;
      SVGtoPDF(doc, svg.replace("FONT_FACE_PLACEHOLDER", "").replace("FONT_FAMILY_PLACEHOLDER", FONT_FAMILY), MARGIN, top, {
        width,
        height: Math.max(MIN_CHART, height),
        fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : REGULAR),
      });
      // Drawing the chart's text moves the text cursor: put it back under the chart.
      doc.x = MARGIN;
      doc.y = top + Math.max(MIN_CHART, height) + 8;
    }
    if (item.showTable && model.table.length) drawTable(doc, model, labels, limit);
    if (item.note.trim()) {
      doc.x = MARGIN;
      doc.moveDown(0.6);
      doc.font(BOLD).fontSize(9).fillColor(INK).text(labels.note, { width: CONTENT });
      doc.font(REGULAR).fontSize(9.5).fillColor(INK).text(item.note.trim(), { width: CONTENT, lineGap: 1.5 });
    }
    drawFootnotes(doc, labels, footnotes);
    const page = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    for (const s of model.sources) if (!listed.has(s.id)) listed.set(s.id, page);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(report.url ?? "ftz-monitor", MARGIN, A4.height - 30, { width: CONTENT / 2, lineBreak: false });
    doc.text(labels.page(i + 1, range.count), MARGIN + CONTENT / 2, A4.height - 30, {
      width: CONTENT / 2,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
