// The words of the national page (/china), in English and 简体中文. Pure data; pick with `chinaWords(locale)`.
import type { Locale } from "../domain/format.ts";

const en = {
  title: "China's pilot free trade zones",
  intro: (zones: number) =>
    `All ${zones} pilot FTZs in the database, each with its latest published figure on the key indicators. Every figure shows its period and basis; a zone's figures can be years apart, so a ranking says which periods it mixes.`,
  tableCaption: "Every pilot FTZ with its latest figure on each key indicator",
  zone: "Zone",
  launched: "Launched",
  batch: "Batch",
  plannedArea: "Planned area",
  areas: "Areas",
  noFigure: "no published figure yet",
  noneForPeriod: "no figure for this period",
  noLaunch: "not given",
  computed: "computed",
  computedFrom: (zone: string, province: string) => `Computed: ${zone} ÷ ${province}`,
  notRanked: "not ranked: each zone counts these its own way",
  highlight: "Anhui and Zhejiang are highlighted.",
  mixed: (periods: number) =>
    `This ranking mixes ${periods} different periods and bases: read each figure's period before comparing two zones.`,
  samePeriodOffer: (period: string, zones: number) => `Only figures of the same period: ${period} (${zones} zones)`,
  samePeriodOn: (period: string, zones: number) =>
    `Ranked on figures of one period only: ${period}, which ${zones} zones have. Zones without a figure for it come last.`,
  latestAgain: "Show each zone's latest figure again",
  noSharedPeriod: "No period is shared by two zones on this indicator: each figure stands on its own.",
  added: (km2: string, date: string) => `incl. ${km2} added ${date}`,
  source: "Source",
  gridTitle: "Provinces by indicator",
  gridIntro:
    "Each square is a province-level division, placed roughly where it lies; FTZ provinces are outlined and link to their FTZ. Shade: the FTZ's figure shown in the table above, in five classes of about as many zones each (each square's label and the table below give its period). Indicator:",
  gridLabel: (indicator: string) => `Tile grid of China's provinces shaded by ${indicator}`,
  gridTable: "The same data as a table",
  province: "Province",
  ftz: "FTZ",
  value: "Value",
  period: "Period",
  noFtz: "no FTZ",
  legend: "Legend",
  gridMixed: (periods: number) =>
    `The squares show figures of ${periods} different periods and bases: compare two shades only after reading their periods.`,
  gridSamePeriod: "Shade only figures of the same period",
  legendNone: "no figure",
  legendFtz: "FTZ province (outlined)",
  framingTitle: "Share of the province, and per km²",
  framingIntro:
    "Computed here from published figures, each named: the FTZ's share of its province's imports and exports (as published, or the FTZ's figure divided by the province's of the same period and basis), its share of the province's area where published, and its imports and exports per km² of planned area.",
  framingSentence: (zone: string, areaBound: string, share: string) =>
    `${zone}: with under ${areaBound} of the province's area, about ${share} of its imports and exports.`,
  shareSentence: (zone: string, share: string, period: string) =>
    `${zone}: about ${share} of the province's imports and exports (${period}).`,
  perKm2Sentence: (value: string, period: string, km2: string) =>
    `Imports and exports per km² of planned area: ${value} (${period}, ${km2} km²).`,
  areaShareFigure: (value: string, date: string) => `Area share ${value} as published (${date})`,
  tradeShareFigure: (value: string, period: string) => `trade share ${value} (${period})`,
  publishedAs: "as published",
  computedShare: (indicator: string, period: string, share: string) =>
    `share of the province's ${indicator.toLowerCase()}, ${period}: ${share} =`,
  publishedShare: (share: string) => `published as ${share}:`,
  computedLabel: "computed",
  framingNone: "Zones without a share of their province's trade: no published share and no province figure of the same period.",
  sortedBy: "sorted by",
  downloads: "National table",
  groups: "Peer groups",
  compareGroup: (group: string) => `Compare ${group}`,
  basisName: { period: "period", ytd: "year to date", cumulative: "cumulative since launch", point: "level" },
  sortBy: (column: string) => `Sort by ${column}`,
  sortedAs: (column: string, direction: string) => `${column}, sorted ${direction}`,
  ascending: "ascending",
  descending: "descending",
  empty: "No pilot FTZ in the database yet.",
  quote: "Quote",
};

type ChinaWords = typeof en;

const zh: ChinaWords = {
  title: "全国自由贸易试验区",
  intro: (zones) =>
    `数据库中的全部${zones}个自贸试验区，以及各区在关键指标上最新公布的数据。每个数据都标明期间和口径；不同自贸区的数据可能相隔数年，排序时会说明混合了哪些期间。`,
  tableCaption: "全部自贸试验区及其各关键指标的最新数据",
  zone: "自贸试验区",
  launched: "挂牌",
  batch: "批次",
  plannedArea: "实施范围",
  areas: "片区",
  noFigure: "尚无公布数据",
  noneForPeriod: "该期间无数据",
  noLaunch: "未注明",
  computed: "计算值",
  computedFrom: (zone, province) => `计算：${zone} ÷ ${province}`,
  notRanked: "不排序：各区统计口径不一",
  highlight: "安徽、浙江自贸试验区已突出显示。",
  mixed: (periods) => `此排序混合了${periods}个不同的期间和口径：比较两个自贸区前，请先看各数据的期间。`,
  samePeriodOffer: (period, zones) => `只比较同一期间的数据：${period}（${zones}个区）`,
  samePeriodOn: (period, zones) => `只按同一期间的数据排序：${period}，共${zones}个区有该期间数据；没有该期间数据的排在最后。`,
  latestAgain: "恢复显示各区最新数据",
  noSharedPeriod: "该指标没有两个区共有的期间：各数据只能单独阅读。",
  added: (km2, date) => `含${date}扩区${km2}`,
  source: "来源",
  gridTitle: "各省份指标一览",
  gridIntro:
    "每个方块代表一个省级行政区，大致按地理位置排列；有自贸试验区的省份加框标出，点击进入该自贸试验区页面。颜色深浅：上表中该省自贸试验区的数据，按区数大致相等分为五档（期间见各方块标签及下表）。指标：",
  gridLabel: (indicator) => `按${indicator}着色的中国省级行政区方块图`,
  gridTable: "同一数据的表格",
  province: "省份",
  ftz: "自贸试验区",
  value: "数值",
  period: "期间",
  noFtz: "无自贸试验区",
  legend: "图例",
  gridMixed: (periods) => `各方块的数据涉及${periods}个不同的期间和口径：比较颜色前请先看期间。`,
  gridSamePeriod: "只显示同一期间的数据",
  legendNone: "无数据",
  legendFtz: "有自贸试验区的省份（加框）",
  framingTitle: "占全省比重与每平方公里",
  framingIntro:
    "由公布数据计算，并注明每个数据的来源：自贸试验区进出口占全省比重（公布值，或自贸试验区与全省同期同口径数据相除）、公布的占全省面积比重，以及每平方公里实施范围的进出口额。",
  framingSentence: (zone, areaBound, share) => `${zone}以不到全省${areaBound}的面积，贡献了全省约${share}的进出口。`,
  shareSentence: (zone, share, period) => `${zone}贡献了全省约${share}的进出口（${period}）。`,
  perKm2Sentence: (value, period, km2) => `每平方公里实施范围进出口额：${value}（${period}，${km2}平方公里）。`,
  areaShareFigure: (value, date) => `面积占比${value}为公布值（${date}）`,
  tradeShareFigure: (value, period) => `进出口占比${value}（${period}）`,
  publishedAs: "公布值",
  computedShare: (indicator, period, share) => `${indicator}占全省比重（${period}）：${share} =`,
  publishedShare: (share) => `公布值为${share}：`,
  computedLabel: "计算值",
  framingNone: "以下自贸试验区没有进出口占全省比重：既无公布值，也无同期全省数据。",
  sortedBy: "排序",
  downloads: "全国表格",
  groups: "同类组",
  compareGroup: (group) => `比较${group}`,
  basisName: { period: "当期", ytd: "年内累计", cumulative: "挂牌以来累计", point: "时点" },
  sortBy: (column) => `按${column}排序`,
  sortedAs: (column, direction) => `${column}，${direction}`,
  ascending: "升序",
  descending: "降序",
  empty: "数据库中尚无自贸试验区。",
  quote: "原文",
};

export function chinaWords(locale: Locale): ChinaWords {
  return locale === "zh" ? zh : en;
}

export type { ChinaWords };
