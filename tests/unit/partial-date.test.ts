import { describe, expect, it } from "vitest";
import { parsePartialDate } from "@/lib/domain/dates";
import { dateBound } from "@/lib/validation/observations";
import { parsePublished } from "@/lib/validation/extract";

describe("parsePartialDate: one reading of YYYY, YYYY-MM and YYYY-MM-DD", () => {
  it.each([
    ["2024", { start: "2024-01-01", end: "2024-12-31", precision: "year" }],
    ["2024-02", { start: "2024-02-01", end: "2024-02-29", precision: "month" }],
    ["2023-02", { start: "2023-02-01", end: "2023-02-28", precision: "month" }],
    ["2021-01-25", { start: "2021-01-25", end: "2021-01-25", precision: "day" }],
    [" 2020-09-24 ", { start: "2020-09-24", end: "2020-09-24", precision: "day" }],
  ])("%s", (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each(["2024-13", "2023-02-29", "24-04-01", "2024-4", "2024--01", "2024-04-01-", "", "1850", "April 2024"])("refuses %j", (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });

  it("gives the filters' bounds and the finder's publication date the same reading", () => {
    expect([dateBound("2024-02", "start"), dateBound("2024-02", "end"), dateBound("2024-13", "end")]).toEqual([
      "2024-02-01",
      "2024-02-29",
      undefined,
    ]);
    expect(parsePublished("2024-02")).toEqual({ publishedOn: "2024-02-29", publishedPrecision: "month" });
    expect(parsePublished("2024")).toEqual({ publishedOn: "2024-12-31", publishedPrecision: "year" });
    expect(parsePublished("2024-02-03")).toEqual({ publishedOn: "2024-02-03", publishedPrecision: "day" });
  });
});
