// The words printed on exported images and documents.
import type { Locale } from "../domain/format.ts";

/** The words an exported chart image writes around the chart. */
export type SvgLabels = { dataAsOf: string; sources: string; events: string; footer: string; hollow: string; noFigures: string };

/** The words of a report PDF: the chart's, and the report's own. */
export type PdfLabels = SvgLabels & {
  report: string;
  page: (n: number, of: number) => string;
  notes: string;
  note: string;
  period: string;
  unavailable: string;
  /** What the table's marks after a value say: a published rate, a computed one, a level a rate implies. */
  marks: { published: string; computed: string; implied: string };
};

export function svgLabels(locale: Locale): SvgLabels {
  return locale === "zh"
    ? {
        dataAsOf: "数据截至",
        sources: "来源",
        events: "大事记",
        footer: "ftz-monitor",
        hollow: "空心点：下限或约数",
        noFigures: "此设置下没有数据",
      }
    : {
        dataAsOf: "Data as of",
        sources: "Sources",
        events: "Events",
        footer: "ftz-monitor",
        hollow: "hollow markers: lower bounds or approximations",
        noFigures: "No figures for this choice",
      };
}

export function pdfLabels(locale: Locale): PdfLabels {
  const zh = locale === "zh";
  return {
    ...svgLabels(locale),
    report: zh ? "报告" : "Report",
    page: (n, of) => (zh ? `第 ${n} 页，共 ${of} 页` : `Page ${n} of ${of}`),
    notes: zh ? "说明" : "Notes",
    note: zh ? "备注" : "Note",
    period: zh ? "时间" : "Period",
    unavailable: zh ? "此项无法生成" : "This item cannot be drawn",
    marks: zh
      ? { published: "* 公布的增速", computed: "† 由两个公布数值计算", implied: "‡ 由公布的同比推算，非公布数据" }
      : {
          published: "* published rate",
          computed: "† computed from two published levels",
          implied: "‡ implied by a published rate, not a published figure",
        },
  };
}
