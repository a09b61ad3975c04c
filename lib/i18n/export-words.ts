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
  /** The footnote that points to where sources already listed are: "[1] [2]: see page 1". */
  listedOn: (refs: string, pages: readonly number[]) => string;
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
    listedOn: (refs, pages) =>
      zh ? `${refs} 见第 ${pages.join("、")} 页` : `${refs}: see page${pages.length > 1 ? "s" : ""} ${pages.join(", ")}`,
    marks: zh
      ? { published: "* 公布的增速", computed: "† 由两个公布数值计算", implied: "‡ 由公布的同比推算，非公布数据" }
      : {
          published: "* published rate",
          computed: "† computed from two published levels",
          implied: "‡ implied by a published rate, not a published figure",
        },
  };
}

/** Column headers of the workbooks, by the column's code (the CSV header), in Chinese; English keeps the codes. */
const XLSX_HEADERS_ZH: Record<string, string> = {
  zone: "区域代码",
  zone_name_en: "区域（英文）",
  zone_name_zh: "区域",
  indicator: "指标代码",
  indicator_name_en: "指标（英文）",
  indicator_name_zh: "指标",
  period: "时间",
  period_start: "起始日",
  period_end: "截止日",
  start: "起始日",
  end: "截止日",
  basis: "口径",
  value: "数值",
  unit: "单位",
  published_value: "发布值",
  published_unit: "发布单位",
  qualifier: "限定",
  yoy_pct: "公布同比（%）",
  status: "状态",
  source_title: "来源",
  source_url: "来源网址",
  published_on: "发布日期",
  quote: "原文",
  note: "备注",
  revised: "曾修订",
  id: "编号",
  derivation: "推算方式",
  published_yoy_pct: "公布同比（%）",
  rate: "增速来源",
  computed_yoy_pct: "计算同比（%）",
  months_since_launch: "挂牌后月数",
  sources: "来源",
  code: "代码",
  name_en: "英文名称",
  name_zh: "中文名称",
  kind: "类型",
  parent: "上级区域",
  established_on: "设立日期",
  area_km2: "面积（平方公里）",
  observations: "数据数",
  category: "类别",
  description: "定义与口径",
  year: "年份",
  bases: "口径",
  figures: "数据数",
  province: "省份",
  launched: "挂牌日期",
  batch: "批次",
  planned_area_km2: "规划面积（平方公里）",
  computed_from: "计算依据",
  target: "目标",
  zone_name: "区域",
  indicator_name: "指标",
  through: "截至",
  actual: "实际完成",
  actual_qualifier: "实际值限定",
  expected: "应完成",
  gap: "差距",
  reached_percent: "完成率（%）",
  yoy_percent: "同比（%）",
  target_source: "目标来源",
};

/** The sheets ftz-monitor's workbooks hold (besides Sources), by what they list. */
export type SheetName =
  "data" | "points" | "observations" | "zones" | "indicators" | "coverage" | "ftzs" | "targets" | "progress" | "events";

export type XlsxWords = {
  locale: Locale;
  /** The header of a column by its code. */
  header: (code: string) => string;
  /** "value (亿元)" / "数值（亿元）": the column of a value in the analysts' magnitude. */
  inMagnitude: (unit: string) => string;
  sheets: Record<SheetName, string>;
  period: string;
  start: string;
  end: string;
  note: (label: string) => string;
  marks: Record<"exact" | "at_least" | "at_most" | "approx", string>;
};

export function xlsxWords(locale: Locale): XlsxWords {
  const zh = locale === "zh";
  return {
    locale,
    header: (code) => (zh ? (XLSX_HEADERS_ZH[code] ?? code) : code),
    inMagnitude: (unit) => (zh ? `数值（${unit}）` : `value (${unit})`),
    sheets: zh
      ? {
          data: "数据",
          points: "数据点",
          observations: "数据",
          zones: "区域",
          indicators: "指标",
          coverage: "数据覆盖",
          ftzs: "自贸试验区",
          targets: "目标",
          progress: "目标进度",
          events: "大事记",
        }
      : {
          data: "Data",
          points: "Points",
          observations: "Observations",
          zones: "Zones",
          indicators: "Indicators",
          coverage: "Coverage",
          ftzs: "FTZs",
          targets: "Targets",
          progress: "Progress",
          events: "Events",
        },
    period: zh ? "时间" : "Period",
    start: zh ? "起始日" : "Start",
    end: zh ? "截止日" : "End",
    note: (label) => (zh ? `${label}：备注` : `${label}: note`),
    marks: zh
      ? { exact: "", at_least: "超（下限）", at_most: "不超过（上限）", approx: "约（近似值）" }
      : { exact: "", at_least: "≥ (lower bound)", at_most: "≤ (upper bound)", approx: "≈ (approximate)" },
  };
}
