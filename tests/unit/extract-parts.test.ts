import { describe, expect, it } from "vitest";
import { findNumbers, baseValueOf, parseChineseNumeral } from "@/lib/extract/numbers";
import { findTimes } from "@/lib/extract/periods";
import { prepareText } from "@/lib/extract/text";
import { reportsStatement, titleAnniversary } from "@/lib/extract/resolve-period";
import type { ExtractZone } from "@/lib/extract/types";

const first = (text: string) => {
  const found = findNumbers(prepareText(text)).filter((n) => !n.notAFigure);
  return found[0]!;
};

describe("numbers", () => {
  it.each([
    ["3857 new enterprises", "3857", "bare", 3857],
    ["3,857 new enterprises", "3857", "bare", 3857],
    ["货物吞吐量1.35亿吨", "1.35", "t", 135_000_000],
    ["292.2 billion yuan", "292.2", "CNY", 292_200_000_000],
    ["进出口2.6万亿元", "2.6", "CNY", 2_600_000_000_000],
    ["新设企业26万家", "26", "count", 260_000],
    ["新设企业２６万家", "26", "count", 260_000],
    ["US$0.4 billion", "0.4", "USD", 400_000_000],
    ["$18.6 billion", "18.6", "USD", 18_600_000_000],
    ["135 million tons", "135", "t", 135_000_000],
    ["23.3m teu", "23.3", "TEU", 23_300_000],
    ["1745万标准箱", "1745", "TEU", 17_450_000],
    ["119.86 square kilometers", "119.86", "km2", 119.86],
    ["12.6 percent", "12.6", "percent", 12.6],
    ["首超一万家", "10000", "count", 10_000],
    ["占全市总量超四成", "40", "percent", 40],
    ["不到千分之四的国土面积", "0.4", "percent", 0.4],
    ["占全市1/1000土地面积", "0.1", "percent", 0.1],
  ])("%s → %s (%s) = %d in the base unit", (text, value, unitClass, base) => {
    const n = first(text);
    expect(n.value).toBe(value);
    expect(n.unitClass).toBe(unitClass);
    expect(baseValueOf(n)).toBe(base);
  });

  it.each([
    ["三分之一的实际外资", true],
    ["1/6的进出口", true],
    ["约四分之一", false],
  ])("fraction %s: inexact %s", (text, inexact) => {
    expect(first(text).inexact).toBe(inexact);
  });

  it.each([
    ["2020年", "a year"],
    ["34.9个百分点", "percentage points"],
    ["增长1.7倍", "a multiple"],
    ["实施率从92%提升到97%", "the starting value of a change"],
  ])("%s is not a figure (%s)", (text, why) => {
    expect(findNumbers(prepareText(text))[0]!.notAFigure).toBe(why);
  });

  it.each([
    ["超过2700万标箱", "at_least"],
    ["突破300万标准箱", "at_least"],
    ["逾50亿元", "at_least"],
    ["300多项", "at_least"],
    ["4.5万余家", "at_least"],
    ["100亿元以上", "at_least"],
    ["不到10%", "at_most"],
    ["50亿元以下", "at_most"],
    ["接近50%", "approx"],
    ["近3000亿元", "approx"],
    ["约70%", "approx"],
    ["100亿元左右", "approx"],
    ["大约20家", "approx"],
    ["about 80 new ones", "approx"],
    ["nearly 40,000 foreign enterprises", "approx"],
    ["exceed 500 billion yuan", "at_least"],
    ["over 600,000 enterprises", "at_least"],
    ["more than 250,000 new companies", "at_least"],
    ["91,000-odd newly registered enterprises", "at_least"],
    ["less than 5 percent", "at_most"],
    ["3857 new enterprises", "exact"],
    ["新设企业3-5万家", "at_most"],
    ["3至5个项目", "at_most"],
  ])("qualifier of %s: %s", (text, qualifier) => {
    expect(first(text).qualifier).toBe(qualifier);
  });

  it("reads Chinese numerals", () => {
    expect(parseChineseNumeral("三百四十一")).toBe(341);
    expect(parseChineseNumeral("一万")).toBe(10_000);
    expect(parseChineseNumeral("十二")).toBe(12);
    expect(parseChineseNumeral("x")).toBeUndefined();
  });
});

describe("time phrases", () => {
  const time = (text: string, published = "2021-11-11") => {
    const [t] = findTimes(prepareText(text), published);
    return t ? { kind: t.kind, start: t.start, end: t.end } : null;
  };
  it.each([
    ["2020年", "2021-01-25", "period", "2020-01-01", "2020-12-31"],
    ["今年前9个月", "2025-10-20", "ytd", "2025-01-01", "2025-09-30"],
    ["今年前9個月", "2025-10-20", "ytd", "2025-01-01", "2025-09-30"],
    ["1-10月", "2021-11-11", "ytd", "2021-01-01", "2021-10-31"],
    ["1—10月", "2021-11-11", "ytd", "2021-01-01", "2021-10-31"],
    ["今年1月至10月", "2021-11-11", "ytd", "2021-01-01", "2021-10-31"],
    ["前三季度", "2024-10-18", "ytd", "2024-01-01", "2024-09-30"],
    ["上半年", "2023-08-02", "period", "2023-01-01", "2023-06-30"],
    ["一季度", "2021-04-08", "period", "2021-01-01", "2021-03-31"],
    ["去年", "2021-04-08", "period", "2020-01-01", "2020-12-31"],
    ["6月份", "2022-07-06", "period", "2022-06-01", "2022-06-30"],
    ["截至6月底", "2022-07-06", "until", null, "2022-06-30"],
    ["截至2020年9月底", "2020-12-14", "until", null, "2020-09-30"],
    ["挂牌以来", "2024-04-21", "cumulative", null, null],
    ["累计", "2024-04-21", "cumulative", null, null],
    ["截至目前", "2021-10-22", "cumulative", null, null],
    ["last year", "2021-01-25", "period", "2020-01-01", "2020-12-31"],
    ["in the first half of this year", "2019-07-30", "period", "2019-01-01", "2019-06-30"],
    ["In the first eight months of this year", "2023-09-28", "ytd", "2023-01-01", "2023-08-31"],
    ["in the first sixth months this year", "2022-09-05", "ytd", "2022-01-01", "2022-06-30"],
    ["From 1 to March", "2018-04-30", "ytd", "2018-01-01", "2018-03-31"],
    ["by the end of August 2023", "2023-09-28", "until", null, "2023-08-31"],
    ["as of the end of February 2019", "2019-04-02", "until", null, "2019-02-28"],
    ["by July this year", "2020-09-01", "until", null, "2020-07-31"],
    ["At present", "2021-01-25", "cumulative", null, null],
    ["since its launch", "2021-01-25", "cumulative", null, null],
    ["In 2020", "2021-01-25", "period", "2020-01-01", "2020-12-31"],
    ["on September 24, 2020", "2021-01-25", "date", "2020-09-24", "2020-09-24"],
    ["Monday", "2017-04-11", "date", "2017-04-10", "2017-04-10"],
    ["on the 25th", "2021-01-25", "date", "2021-01-25", "2021-01-25"],
    ["on the 30th", "2021-02-02", "date", "2021-01-30", "2021-01-30"],
    ["December 2016", "2017-01-04", "period", "2016-12-01", "2016-12-31"],
  ])("%s (published %s) → %s %s…%s", (text, published, kind, start, end) => {
    expect(time(text, published)).toEqual({ kind, start, end });
  });
});

describe("as of: statements and anniversaries", () => {
  it.each([
    ["Zhang Wei, director of the commission, said the zone has attracted 500 projects.", true],
    ["The number reached 1,000, according to the municipal bureau of commerce.", true],
    ["A new report showed the zones drew 12 percent of the country's foreign investment.", true],
    ["片区管委会负责人表示，挂牌以来累计新增企业5000家。", true],
    ["据市商务局统计，片区累计签约项目120个。", true],
    ["记者从省商务厅获悉，一季度新设外资企业58家。", true],
    ["截至目前，片区累计签约入驻182个项目。", false],
    ["To date, 95 percent of the tasks have been implemented.", false],
    ["The zone's sales rose 10 percent; the data centre opened in May.", false],
  ])("%s → %s", (text, expected) => {
    expect(reportsStatement(text)).toBe(expected);
  });

  const zone: ExtractZone = {
    code: "synthetic-area",
    nameEn: "Synthetic Area",
    nameZh: null,
    kind: "area",
    parent: null,
    establishedOn: "2020-09-24",
    aliases: [],
  };
  it.each([
    ["合成片区挂牌三周年成绩单", "2023-12-31", "2023-09-24"],
    ["Synthetic Area marks the second anniversary of its launch", "2022-12-31", "2022-09-24"],
    ["Synthetic Area 4th anniversary press conference", "2024-12-31", "2024-09-24"],
    ["合成片区十周年", "2023-12-31", null],
    ["合成片区工作回顾", "2023-12-31", null],
  ])("%s (%s) → %s", (title, latest, expected) => {
    expect(titleAnniversary(title, zone, latest)).toBe(expected);
  });
});
