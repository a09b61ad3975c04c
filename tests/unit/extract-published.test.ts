// The source's publication date as POST /api/extract and the bench read it: a day, else the last day of the month
// or year the page gives, with how much of it the source states; anything else is no date.
import { describe, expect, it } from "vitest";
import { parseExtractBody, parsePublished } from "@/lib/validation/extract";

describe("parsePublished", () => {
  it.each([
    ["2021-01-25", { publishedOn: "2021-01-25", publishedPrecision: "day" }],
    ["2024-02-29", { publishedOn: "2024-02-29", publishedPrecision: "day" }],
    ["2024-02", { publishedOn: "2024-02-29", publishedPrecision: "month" }],
    ["2023-02", { publishedOn: "2023-02-28", publishedPrecision: "month" }],
    ["2024-04", { publishedOn: "2024-04-30", publishedPrecision: "month" }],
    ["2024", { publishedOn: "2024-12-31", publishedPrecision: "year" }],
    [" 2023 ", { publishedOn: "2023-12-31", publishedPrecision: "year" }],
  ])("%s → %j", (text, expected) => {
    expect(parsePublished(text)).toEqual(expected);
  });

  it.each(["2023-02-29", "2024-13", "2024-00", "2024-04-31", "24-04", "2024-4", "2024/04/22", "20240422", "April 2024", "", "1899"])(
    "%s is no date",
    (text) => {
      expect(parsePublished(text)).toBeNull();
    },
  );
});

describe("the extract body's source", () => {
  it("carries the precision to the finder's source", () => {
    expect(parseExtractBody({ text: "x", source: { title: "T", publishedOn: "2024-04" } }).source).toEqual({
      title: "T",
      url: null,
      publishedOn: "2024-04-30",
      publishedPrecision: "month",
    });
  });

  it("names the field and the formats it takes when the date is wrong or missing", () => {
    expect(() => parseExtractBody({ text: "x", source: { title: "T", publishedOn: "2024-04-31" } })).toThrow(
      "source.publishedOn: must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)",
    );
    expect(() => parseExtractBody({ text: "x", source: { title: "T" } })).toThrow(
      "source.publishedOn: is required: YYYY, YYYY-MM or YYYY-MM-DD",
    );
  });
});
