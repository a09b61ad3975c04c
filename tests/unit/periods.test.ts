import { describe, expect, it } from "vitest";
import { applyBasis, granularityOf, parseBasis, parsePeriod, periodLabel } from "@/lib/domain/periods";

describe("parsePeriod", () => {
  it.each([
    ["2021", "2021-01-01", "2021-12-31", "year", "2021"],
    ["2022-H1", "2022-01-01", "2022-06-30", "half", "2022-H1"],
    ["2022-h2", "2022-07-01", "2022-12-31", "half", "2022-H2"],
    ["2022-Q1", "2022-01-01", "2022-03-31", "quarter", "2022-Q1"],
    ["2023-Q3", "2023-07-01", "2023-09-30", "quarter", "2023-Q3"],
    ["2024-02", "2024-02-01", "2024-02-29", "month", "2024-02"],
    ["2023-02", "2023-02-01", "2023-02-28", "month", "2023-02"],
    ["2020-09-24", "2020-09-24", "2020-09-24", "day", "2020-09-24"],
    ["2021-01/2021-09", "2021-01-01", "2021-09-30", "interval", "2021-01/2021-09"],
    ["2020-09-24/2021-01-25", "2020-09-24", "2021-01-25", "interval", "2020-09-24/2021-01-25"],
    ["2021/2025", "2021-01-01", "2025-12-31", "interval", "2021/2025"],
    ["2021-01/2021-12", "2021-01-01", "2021-12-31", "year", "2021"],
    ["2021-01/2021-03", "2021-01-01", "2021-03-31", "quarter", "2021-Q1"],
    ["2021-01-01/2021-12-16", "2021-01-01", "2021-12-16", "interval", "2021-01-01/2021-12-16"],
    ["2021-Q1/2021-H1", "2021-01-01", "2021-06-30", "half", "2021-H1"],
    [" 2021 ", "2021-01-01", "2021-12-31", "year", "2021"],
  ])("%j → %s … %s (%s, %s)", (text, start, end, granularity, label) => {
    expect(parsePeriod(text)).toMatchObject({ ok: true, period: { start, end, granularity, label } });
  });

  it.each([
    ["", "empty"],
    ["2021-13", "does not exist"],
    ["2023-02-29", "does not exist"],
    ["2021-Q5", "not a period"],
    ["2021-H3", "not a period"],
    ["21-01", "not a period"],
    ["2021/07", "not a period"],
    ["2021-09/2021-01", "before it starts"],
    ["2020/2021/2022", "more than one"],
    ["Jan 2021", "not a period"],
  ])("rejects %j (%s)", (text, reason) => {
    const result = parsePeriod(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it("says whether the period was written as an interval", () => {
    expect(parsePeriod("2021-07")).toMatchObject({ written: "single" });
    expect(parsePeriod("2021-01/2021-07")).toMatchObject({ written: "interval" });
  });
});

describe("applyBasis", () => {
  const parsed = (text: string) => {
    const result = parsePeriod(text);
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it.each([
    ["2021-07", "ytd", undefined, "2021-01-01", "2021-07-31", "2021-01/2021-07"],
    ["2021-01/2021-07", "ytd", undefined, "2021-01-01", "2021-07-31", "2021-01/2021-07"],
    ["2021-Q3", "ytd", undefined, "2021-01-01", "2021-09-30", "2021-01/2021-09"],
    ["2021-01/2021-06", "ytd", undefined, "2021-01-01", "2021-06-30", "2021-01/2021-06"],
    ["2021-H1", "ytd", undefined, "2021-01-01", "2021-06-30", "2021-01/2021-06"],
    ["2021-01/2021-12", "ytd", undefined, "2021-01-01", "2021-12-31", "2021-01/2021-12"],
    ["2021-01", "ytd", undefined, "2021-01-01", "2021-01-31", "2021-01"],
    ["2021-01-01/2021-12-16", "ytd", undefined, "2021-01-01", "2021-12-16", "2021-01-01/2021-12-16"],
    ["2021-01-25", "cumulative", "2020-09-24", "2020-09-24", "2021-01-25", "2020-09-24/2021-01-25"],
    ["2020-09-24/2021-01-25", "cumulative", undefined, "2020-09-24", "2021-01-25", "2020-09-24/2021-01-25"],
    ["2020", "point", undefined, "2020-12-31", "2020-12-31", "2020-12-31"],
    ["2020-09-24", "point", undefined, "2020-09-24", "2020-09-24", "2020-09-24"],
    ["2021-H1", "period", undefined, "2021-01-01", "2021-06-30", "2021-H1"],
  ] as const)("%s with basis %s (launch %s) covers %s … %s", (text, basis, launch, start, end, label) => {
    expect(applyBasis(parsed(text), basis, launch)).toMatchObject({ ok: true, period: { start, end, label } });
  });

  it("rejects a ytd period that spans two years", () => {
    const result = applyBasis(parsed("2021-07/2022-06"), "ytd");
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain("spans 2021 to 2022");
  });

  it("rejects a ytd interval that does not start in January", () => {
    const result = applyBasis(parsed("2021-03/2021-07"), "ytd");
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain("2021-01/2021-07");
  });

  it("rejects a cumulative date when the zone's launch is unknown or later", () => {
    expect(applyBasis(parsed("2021-01-25"), "cumulative")).toMatchObject({ ok: false });
    expect(applyBasis(parsed("2019-01-25"), "cumulative", "2020-09-24")).toMatchObject({ ok: false });
  });
});

describe("periodLabel and granularityOf", () => {
  it.each([
    ["2021-07-01", "2021-12-31", "half", "2021-H2"],
    ["2021-10-01", "2021-12-31", "quarter", "2021-Q4"],
    ["2021-02-01", "2021-04-30", "interval", "2021-02/2021-04"],
    ["2021-12-01", "2022-01-31", "interval", "2021-12/2022-01"],
  ])("%s … %s is %s %s", (start, end, granularity, label) => {
    expect(granularityOf(start, end)).toBe(granularity);
    expect(periodLabel(start, end)).toBe(label);
  });
});

describe("parseBasis", () => {
  it.each([
    ["", "period"],
    ["period", "period"],
    ["YTD", "ytd"],
    ["cumulative", "cumulative"],
    [" point ", "point"],
    ["monthly", undefined],
  ])("%j → %s", (text, basis) => expect(parseBasis(text)).toBe(basis));
});
