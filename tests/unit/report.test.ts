import { describe, expect, it } from "vitest";
import { decodeReport, encodeReport } from "@/lib/validation/report-link";
import { parseReport } from "@/lib/validation/report";
import { EMPTY_DRAFT, toDraft } from "@/components/reports/draft";
import { AppError } from "@/lib/errors";

const VIEW = "indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period";

describe("report links", () => {
  it("round-trips a report with Chinese text and URL-unsafe characters", () => {
    const report = { title: "安徽自贸区 vs 浙江 — Q3 ✓", notes: "a+b/c=d?", items: [{ view: VIEW, note: "进出口 ≥ 1,000 亿元" }] };
    const text = encodeReport(report);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeReport(text)).toEqual(report);
  });

  it.each([
    ["not base64", "%%%"],
    ["base64 of non-JSON", btoa("hello")],
    ["invalid UTF-8", btoa(String.fromCharCode(0xff, 0xfe, 0x7b))],
    ["empty", ""],
  ])("gives undefined for %s", (_name, text) => expect(decodeReport(text)).toBeUndefined());
});

describe("parseReport", () => {
  const valid = { title: " Anhui vs Zhejiang ", items: [{ view: VIEW }] };

  it("fills defaults and trims the title", () => {
    expect(parseReport(valid)).toEqual({
      title: "Anhui vs Zhejiang",
      notes: "",
      locale: "en",
      items: [{ view: VIEW, title: "", showChart: true, showTable: true, note: "" }],
    });
  });

  it.each([
    ["no title", { ...valid, title: "  " }, "Report title: is empty: give the report a title"],
    ["no items", { ...valid, items: [] }, "Report items: is empty: add at least one chart or table"],
    ["a bad locale", { ...valid, locale: "fr" }, "Report locale: must be en or zh"],
    ["a long note", { ...valid, items: [{ view: VIEW, note: "x".repeat(4001) }] }, "Report items.0.note: must be at most 4000 characters"],
    ["a non-object", "hello", "Report body:"],
    [
      "an unknown basis in a view",
      { ...valid, items: [{ view: VIEW }, { view: VIEW.replace("period", "weekly") }] },
      "Report items.1.view:",
    ],
    ["a view without zones", { ...valid, items: [{ view: "indicator=import_export&basis=period" }] }, "Report items.0.view:"],
  ])("rejects %s with a message naming the field", (_name, body, message) => {
    let caught: unknown;
    try {
      parseReport(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("bad_request");
    expect((caught as AppError).message.startsWith(message)).toBe(true);
  });
});

describe("toDraft", () => {
  it.each([null, 42, "text", []])("gives the empty draft for %j", (value) => expect(toDraft(value)).toEqual(EMPTY_DRAFT));

  it("keeps well-formed fields and drops malformed items", () => {
    expect(
      toDraft({
        id: "abc",
        title: "T",
        notes: 5,
        locale: "fr",
        items: [null, { view: "" }, { view: VIEW, showChart: false, title: 3, note: "n" }, "x"],
      }),
    ).toEqual({ id: "abc", title: "T", notes: "", items: [{ view: VIEW, title: "", showChart: false, showTable: true, note: "n" }] });
  });

  it("keeps a valid locale", () => expect(toDraft({ locale: "zh", items: [] }).locale).toBe("zh"));
});
