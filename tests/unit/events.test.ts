import { describe, expect, it } from "vitest";
import type { EventRecord } from "@/lib/db/queries/events";
import { AppError } from "@/lib/errors";
import { EVENT_COLUMNS, eventBody, eventCells } from "@/lib/export/events";
import { parseEventBody } from "@/lib/validation/events";

const EMPTY = {
  zone: "",
  date: "",
  kind: "",
  category: "",
  title_en: "",
  title_zh: "",
  description: "",
  source_title: "",
  source_url: "",
  published_on: "",
  quote: "",
};

function problem(body: unknown): { message: string; details: unknown } {
  try {
    parseEventBody(body);
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return { message: error.message, details: error.details };
    throw error;
  }
  throw new Error("no error");
}

describe("parseEventBody", () => {
  it("gives every column of the events table as text, empty when left out or null", () => {
    expect(parseEventBody({ zone: "anhui-ftz", date: 2021, kind: "policy", title_en: "A", title_zh: null })).toEqual({
      ...EMPTY,
      zone: "anhui-ftz",
      date: "2021",
      kind: "policy",
      title_en: "A",
    });
  });

  it.each([
    [
      { titleEn: "A" },
      "Event body: has unknown field 'titleEn'; the fields are zone, date, kind, category, title_en, title_zh, description, source_title, source_url, published_on, quote",
      "body",
    ],
    [["anhui-ftz"], "Event body: must be a JSON object", "body"],
    [null, "Event body: must be a JSON object", "body"],
    [{ zone: 7 }, "Event zone: must be text", "zone"],
    [{ date: true }, "Event date: must be text: YYYY, YYYY-MM or YYYY-MM-DD", "date"],
    [{ title_en: "x".repeat(501) }, "Event title_en: must be at most 500 characters", "title_en"],
  ])("refuses %j with a 400 naming the field", (body, message, field) => {
    const { message: actual, details } = problem(body);
    expect(actual).toBe(message);
    expect(details).toMatchObject({ field });
  });
});

describe("an event leaving the app", () => {
  const event: EventRecord = {
    id: 3,
    zone: { code: "anhui-ftz", nameEn: "China (Anhui) Pilot Free Trade Zone", nameZh: "中国（安徽）自由贸易试验区" },
    date: "2021-06-01",
    precision: "month",
    kind: "expansion",
    category: null,
    titleEn: "Synthetic expansion",
    titleZh: "合成扩区",
    description: null,
    source: { title: "Synthetic source", url: null, publishedOn: "2021-07-02" },
    quote: "=SUM(A1)",
  };

  it.each([
    ["day", "2021-06-01"],
    ["month", "2021-06"],
    ["year", "2021"],
  ] as const)("gives the date of a %s-precise event as it would be entered again: %s", (precision, date) => {
    expect(eventBody({ ...event, precision }).date).toBe(date);
  });

  it("turns missing values into empty fields for the edit form, and null cells for the table", () => {
    expect(eventBody(event)).toEqual({
      zone: "anhui-ftz",
      date: "2021-06",
      kind: "expansion",
      category: "",
      title_en: "Synthetic expansion",
      title_zh: "合成扩区",
      description: "",
      source_title: "Synthetic source",
      source_url: "",
      published_on: "2021-07-02",
      quote: "=SUM(A1)",
    });
    const cells = eventCells({ ...event, source: null });
    expect(cells).toHaveLength(EVENT_COLUMNS.length);
    expect(cells.slice(EVENT_COLUMNS.indexOf("source_title"), EVENT_COLUMNS.indexOf("published_on") + 1)).toEqual([null, null, null]);
  });
});
