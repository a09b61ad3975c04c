// A three-chart report laid out for print: no page left near-empty by a table split needlessly, no
// text over other text (the months-since-launch axis title below its ticks), events marked so their
// number cannot be read as part of the date. Text boxes read back with pdfjs.
import { describe, expect, it } from "vitest";
import { reportPdf, type PdfItem } from "@/lib/export/pdf";
import { pdfLabels } from "@/lib/i18n/export-words";
import { pdfBoxes, type PdfBox } from "../support/files";
import { annual, syntheticData, syntheticSources, syntheticZone, yearlyModel } from "../support/synthetic-compare";

function item(locale: "en" | "zh", years: number, axis: "date" | "launch"): PdfItem {
  const zones = (["a", "b"] as const).map((z, i) =>
    syntheticZone(
      z,
      Array.from({ length: years }, (_, y) => annual(2010 + y, (100 + 10 * y + i) * 1e8, 1 + i)),
      { launch: i ? "2017-04-01" : "2020-09-24" },
    ),
  );
  const sources = syntheticSources(2, { url: (id) => `https://example.org/${id}`, publishedOn: "2024-01-31" });
  const events = [
    {
      zone: "synthetic-a",
      date: "2020-09-01",
      precision: "day" as const,
      kind: "inauguration",
      titleEn: "Synthetic launch",
      titleZh: "合成挂牌",
      sourceId: 1,
    },
  ];
  return {
    item: { view: "indicator=synthetic_trade&zones=synthetic-a,synthetic-b", title: "", showChart: true, showTable: true, note: "" },
    type: "line",
    model: yearlyModel(syntheticData(zones, sources, events), locale, { axis }),
  };
}

const overlap = (a: PdfBox, b: PdfBox) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 1 && h > 1;
};

describe.each(["en", "zh"] as const)("a three-chart report in %s", (locale) => {
  it("takes three pages, none near-empty, with no text over other text", async () => {
    // Tables of 16 and 14 years that overflowed a full-height chart's page before; one months-since-launch axis.
    const items = [item(locale, 16, "date"), item(locale, 14, "launch"), item(locale, 8, "date")];
    const pdf = await reportPdf({ title: "Synthetic report", notes: "", locale, date: "2026-12-02" }, items, pdfLabels(locale));
    const pages = await pdfBoxes(pdf);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      const ys = page.boxes.map((b) => b.y);
      // Text spans most of each page: from near the top to the page number at the foot.
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(page.height * 0.6);
      const clashes = page.boxes.flatMap((a, i) =>
        page.boxes
          .slice(i + 1)
          .filter((b) => overlap(a, b))
          .map((b) => `${a.text} × ${b.text}`),
      );
      expect(clashes).toEqual([]);
    }
    const text = pages.flatMap((p) => p.boxes.map((b) => b.text)).join(" ");
    expect(text).toMatch(locale === "zh" ? /挂牌后月数/ : /months since launch/);
    expect(text).toContain("①");
  });
});

describe.each(["en", "zh"] as const)("the sources of a report in %s", (locale) => {
  it("names each source once, in full on the first page that cites it, and points there from later pages", async () => {
    const items = [item(locale, 6, "date"), item(locale, 5, "date"), item(locale, 4, "date")];
    const pdf = await reportPdf({ title: "Synthetic report", notes: "", locale, date: "2026-12-02" }, items, pdfLabels(locale));
    const pages = (await pdfBoxes(pdf)).map((p) => p.boxes.map((b) => b.text).join(" "));
    const all = pages.join("\n");
    for (const n of [1, 2]) {
      const full = `[${n}] Synthetic Bulletin ${n} (2024-01-31) https://example.org/${n}`;
      expect(all.split(full).length - 1).toBe(1);
      expect(pages[0]).toContain(full);
    }
    for (const page of pages.slice(1)) expect(page).toContain(locale === "zh" ? "[1] [2] 见第 1 页" : "[1] [2]: see page 1");
  });
});
