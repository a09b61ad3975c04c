import { describe, expect, it } from "vitest";
import {
  countWordZh,
  formatArea,
  formatChange,
  formatSinceLaunch,
  formatYoy,
  formatAge,
  formatCompact,
  formatPeriod,
  formatQualifiedValue,
  formatSeriesValue,
  formatValue,
} from "@/lib/domain/format";

describe("formatValue", () => {
  it.each([
    [3857, "count", "家", "3,857", "3,857 家"],
    [292_200_000_000, "CNY", "", "CNY 292.2 bn", "2,922 亿元"],
    [540_640_000_000, "CNY", "", "CNY 540.64 bn", "5,406.4 亿元"],
    [4_140_000_000_000, "CNY", "", "CNY 4.14 tn", "4.14 万亿元"],
    [800_000_000, "CNY", "", "CNY 800 m", "8 亿元"],
    [27_945_000_000, "CNY", "", "CNY 27.945 bn", "279.45 亿元"],
    [66_900_000, "USD", "", "USD 66.9 m", "6,690 万美元"],
    [6_590_000_000, "USD", "", "USD 6.59 bn", "65.9 亿美元"],
    [135_000_000, "t", "", "135 million t", "1.35 亿吨"],
    [1_324_000_000, "t", "", "1.324 billion t", "13.24 亿吨"],
    [33_350_000, "TEU", "", "33.35 million TEU", "3,335 万标箱"],
    [399_000, "TEU", "", "399,000 TEU", "39.9 万标箱"],
    [5_000, "TEU", "", "5,000 TEU", "5,000 标箱"],
    // No false precision in Chinese: 42,566 TEU is not "4.2566 万标箱"; a computed value takes two decimals.
    [42_566, "TEU", "", "42,566 TEU", "42,566 标箱"],
    [12_345.6, "t", "", "12,345.6 t", "12,345.6 吨"],
    [123_456_789_012, "CNY", "", "CNY 123.4568 bn", "1,234.57 亿元"],
    [35_268_000, "TEU", "", "35.268 million TEU", "3,526.8 万标箱"],
    [119.86, "km2", "", "119.86 km²", "119.86 平方公里"],
    [26.9, "percent", "", "26.9%", "26.9%"],
    [-5.9, "percent", "", "-5.9%", "-5.9%"],
  ] as const)("%d %s → %s / %s", (value, unit, word, en, zh) => {
    expect(formatValue(value, unit, "en", word)).toBe(en);
    expect(formatValue(value, unit, "zh", word)).toBe(zh);
  });
});

describe("formatQualifiedValue", () => {
  it.each([
    ["at_least", "≥ CNY 500 bn", "超5,000 亿元"],
    ["approx", "≈ CNY 500 bn", "约5,000 亿元"],
    ["at_most", "≤ CNY 500 bn", "不超过5,000 亿元"],
    ["exact", "CNY 500 bn", "5,000 亿元"],
  ] as const)("%s → %s / %s", (qualifier, en, zh) => {
    expect(formatQualifiedValue(500e9, "CNY", qualifier, "en")).toBe(en);
    expect(formatQualifiedValue(500e9, "CNY", qualifier, "zh")).toBe(zh);
  });
});

describe("formatPeriod", () => {
  it.each([
    [{ start: "2021-01-01", end: "2021-12-31", granularity: "year" }, "period", "2021", "2021年"],
    [{ start: "2022-01-01", end: "2022-06-30", granularity: "half" }, "period", "H1 2022", "2022年上半年"],
    [{ start: "2023-07-01", end: "2023-09-30", granularity: "quarter" }, "period", "Q3 2023", "2023年三季度"],
    [{ start: "2021-07-01", end: "2021-07-31", granularity: "month" }, "period", "Jul 2021", "2021年7月"],
    [{ start: "2020-11-05", end: "2020-11-05", granularity: "day" }, "period", "5 Nov 2020", "2020年11月5日"],
    [{ start: "2021-01-01", end: "2021-07-31", granularity: "interval" }, "ytd", "Jan–Jul 2021", "2021年1–7月"],
    [
      { start: "2021-01-01", end: "2021-12-16", granularity: "interval" },
      "ytd",
      "1 Jan 2021 – 16 Dec 2021",
      "2021年1月1日至2021年12月16日",
    ],
    [{ start: "2021-01-01", end: "2025-12-31", granularity: "interval" }, "period", "2021–2025", "2021—2025年"],
    [
      { start: "2020-09-24", end: "2021-01-25", granularity: "interval" },
      "cumulative",
      "cumulative to 25 Jan 2021",
      "截至2021年1月25日累计",
    ],
    [{ start: "2020-09-24", end: "2020-09-24", granularity: "day" }, "point", "as of 24 Sep 2020", "截至2020年9月24日"],
  ] as const)("%j %s → %s / %s", (period, basis, en, zh) => {
    expect(formatPeriod(period, basis, "en")).toBe(en);
    expect(formatPeriod(period, basis, "zh")).toBe(zh);
  });
});

describe("countWordZh", () => {
  it.each([
    ["new_enterprises", "家"],
    ["new_foreign_invested_enterprises", "家"],
    ["signed_projects_count", "个"],
    ["institutional_innovation_results", "项"],
    ["pilot_tasks_completed", "项"],
    ["port_cargo_throughput", ""],
  ])("%s takes %j", (code, word) => expect(countWordZh(code)).toBe(word));
});

describe("formatCompact", () => {
  it.each([
    [540_640_000_000, "540.64 bn", "5406.4亿"],
    [33_350_000, "33.35 m", "3335万"],
    [3857, "3,857", "3857"],
    [2.5, "2.5", "2.5"],
  ])("%d → %s / %s", (value, en, zh) => {
    expect(formatCompact(value, "en")).toBe(en);
    expect(formatCompact(value, "zh")).toBe(zh);
  });
});

describe("formatSeriesValue", () => {
  it.each([
    [12.345, "percent", "CNY", true, "+12.3%", "+12.3%"],
    [-25, "percent", "CNY", true, "-25%", "-25%"],
    [2.5, "pp", "percent", true, "+2.5 pp", "+2.5 个百分点"],
    [123.456, "index", "count", false, "123.5", "123.5"],
    [2_000_000_000, "per_km2", "CNY", false, "CNY 2 bn/km²", "20 亿元/平方公里"],
    [292_200_000_000, "CNY", "CNY", false, "CNY 292.2 bn", "2,922 亿元"],
  ] as const)("%d %s → %s / %s", (value, unit, base, signed, en, zh) => {
    expect(formatSeriesValue(value, unit, base, "en", { signed })).toBe(en);
    expect(formatSeriesValue(value, unit, base, "zh", { signed })).toBe(zh);
  });
});

describe("formatAge", () => {
  it.each([
    ["2026-11-20", "3 days ago", "3 天前"],
    ["2026-11-22", "1 day ago", "1 天前"],
    ["2026-06-23", "5 months ago", "5 个月前"],
    ["2025-01-25", "22 months ago", "22 个月前"],
    ["2021-01-25", "5.8 years ago", "5.8 年前"],
  ])("%s → %s / %s", (date, en, zh) => {
    expect(formatAge(date, "2026-11-23", "en")).toBe(en);
    expect(formatAge(date, "2026-11-23", "zh")).toBe(zh);
  });
});

describe("Chinese that reads as Chinese", () => {
  it.each([
    [26.9, "percent", "zh", "同比增长26.9%"],
    [-0.3, "pp", "zh", "同比下降0.3个百分点"],
    [0, "percent", "zh", "同比持平"],
    [-0.3, "pp", "en", "-0.3 pp"],
    [26.9, "percent", "en", "+26.9%"],
  ] as const)("writes a change of %d %s in %s as %s", (value, unit, locale, text) => {
    expect(formatChange(value, unit, locale)).toBe(text);
  });

  it("writes areas in 平方公里 and the time since launch in whole years or months", () => {
    expect(formatArea(119.86, "zh")).toBe("119.86平方公里");
    expect(formatArea(119.86, "en")).toBe("119.86 km²");
    expect(formatSinceLaunch(6.2 * 365.25, "zh")).toBe("挂牌6年");
    expect(formatSinceLaunch(250, "zh")).toBe("挂牌8个月");
    expect(formatSinceLaunch(6.2 * 365.25, "en")).toBe("6.2 years since launch");
    expect(formatYoy(-3.1, "zh")).toBe("同比下降3.1%");
  });
});
