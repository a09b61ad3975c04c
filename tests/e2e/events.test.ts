// Events managed by an admin: over HTTP on both databases (add, list with downloads, the series API
// and the chart image, edit, delete; 401, 400, 404 and 409 that write nothing), then the events page
// in Chromium (sign in, add, edit and delete an event).
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";
import { readXlsx, startsWithBom } from "../support/files";

const SERVERS = [
  { name: "PGlite", url: inject("baseUrl") },
  { name: "PostgreSQL", url: inject("pgBaseUrl") },
];
const token = inject("adminToken");
const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const SERIES = "indicator=import_export&zones=anhui-ftz&basis=period";
// A chart whose time axis (2021 to 2025) takes in an event of 2022.
const CHART = "indicator=institutional_innovation_results&zones=anhui-ftz&basis=cumulative&width=2400";

type EventRow = Record<string, unknown> & { id: number; title_en: string };
type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } };

/** An event as an admin sends it: in March 2022, inside the range CHART draws. */
const EVENT = {
  zone: "anhui-ftz",
  date: "2022-03",
  kind: "policy",
  category: "synthetic",
  title_en: "Synthetic API policy",
  title_zh: "合成测试政策",
  description: "Synthetic: written by the events API test.",
  source_title: "Synthetic Events API Test",
  source_url: "https://example.org/synthetic-events",
  published_on: "2022-04-01",
  quote: "A synthetic sentence.",
};

describe.each(SERVERS)("the events API on $name", ({ url }) => {
  const call = (p: string, init?: RequestInit) => fetch(new URL(p, url), init);
  const send = (p: string, method: string, body: unknown, headers: Record<string, string> = admin) =>
    call(p, { method, headers, body: JSON.stringify(body) });
  const list = async (query = "") => ((await (await call(`/api/events${query}`)).json()) as { data: EventRow[] }).data;
  /** Every event of the test's zone, in full: what must not change when a write is refused. */
  const anhui = () => list("?zone=anhui-ftz");
  const seriesEvents = async () =>
    ((await (await call(`/api/series?${SERIES}`)).json()) as { events: { zone: string; date: string; title_en: string }[] }).events;
  const chartSvg = async () => (await call(`/api/charts/compare.svg?${CHART}`)).text();
  const error = async (response: Response) => ((await response.json()) as ErrorBody).error;

  it("lists events with their zone, date, precision, kind and source, of one zone and kind", async () => {
    const response = await call("/api/events?zone=anhui-ftz&kind=inauguration");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: EventRow[] };
    expect(data).toEqual([
      expect.objectContaining({
        zone: "anhui-ftz",
        zone_name_en: "China (Anhui) Pilot Free Trade Zone",
        zone_name_zh: "中国（安徽）自由贸易试验区",
        date: "2020-09-24",
        precision: "day",
        kind: "inauguration",
        title_en: "Anhui FTZ inaugurated",
        title_zh: "中国（安徽）自由贸易试验区挂牌",
        source_url: expect.stringContaining("tellerreport.com"),
        published_on: "2021-01-25",
        quote: expect.stringContaining("officially inaugurated"),
      }),
    ]);
    const all = await list();
    expect(all.length).toBeGreaterThan(data.length);
    expect(new Set(all.map((e) => e.zone))).toContain("zhejiang-ftz");
  });

  it("answers a bad filter with 400 naming the parameter", async () => {
    for (const [query, message] of [
      ["?kind=party", /Parameter 'kind': must be one of inauguration, expansion/],
      ["?zone=nowhere", /Parameter 'zone': there is no zone 'nowhere'/],
      ["?format=pdf", /Parameter 'format'/],
      ["?colour=red", /Unknown parameter 'colour'/],
    ] as const) {
      const response = await call(`/api/events${query}`);
      expect(response.status).toBe(400);
      expect((await error(response)).message).toMatch(message);
    }
  });

  it("downloads the events as CSV (BOM, one row per event) and as a workbook with a Sources sheet", async () => {
    const csv = new Uint8Array(await (await call("/api/events?zone=anhui-ftz&format=csv")).arrayBuffer());
    expect(startsWithBom(csv)).toBe(true);
    const text = new TextDecoder().decode(csv);
    expect(text.split("\r\n")[0]).toBe(
      "id,zone,zone_name_en,zone_name_zh,date,precision,kind,category,title_en,title_zh,description,source_title,source_url,published_on,quote",
    );
    expect(text.trim().split("\r\n")).toHaveLength((await anhui()).length + 1);
    expect(text).toContain("Anhui FTZ inaugurated");
    const response = await call("/api/events?zone=anhui-ftz&format=xlsx");
    expect(response.headers.get("content-disposition")).toMatch(/filename="ftz-monitor-events-anhui-ftz\.xlsx"/);
    const [events, sources] = await readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(events?.frozen).toBe(true);
    expect(events?.rows.flat()).toContain("Anhui FTZ inaugurated");
    expect(sources?.name).toBe("Sources");
    expect(sources?.rows.length).toBeGreaterThan(1);
  });

  it("adds an event that then appears in the list, the series API and the chart image, edits it, and deletes it", async () => {
    expect(await seriesEvents()).not.toContainEqual(expect.objectContaining({ title_en: EVENT.title_en }));
    const created = await send("/api/events", "POST", EVENT);
    expect(created.status).toBe(201);
    const event = (await created.json()) as EventRow;
    expect(event).toMatchObject({
      id: expect.any(Number),
      zone: "anhui-ftz",
      zone_name_en: "China (Anhui) Pilot Free Trade Zone",
      date: "2022-03-01",
      precision: "month",
      kind: "policy",
      category: "synthetic",
      title_en: EVENT.title_en,
      title_zh: EVENT.title_zh,
      description: EVENT.description,
      source_title: EVENT.source_title,
      source_url: EVENT.source_url,
      published_on: "2022-04-01",
      quote: EVENT.quote,
    });
    expect(await list("?zone=anhui-ftz&kind=policy")).toContainEqual(event);
    await expect((await call(`/api/events/${event.id}`)).json()).resolves.toEqual(event);
    expect(await seriesEvents()).toContainEqual({
      zone: "anhui-ftz",
      date: "2022-03-01",
      precision: "month",
      kind: "policy",
      title_en: EVENT.title_en,
      title_zh: EVENT.title_zh,
    });
    expect(await chartSvg()).toContain(EVENT.title_en);

    // Replacing: every field is taken from the body; a field left out is emptied.
    const edited = await send(`/api/events/${event.id}`, "PUT", {
      zone: "anhui-ftz",
      date: 2022,
      kind: "other",
      title_en: "Synthetic API policy, edited",
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toEqual({
      ...event,
      date: "2022-01-01",
      precision: "year",
      kind: "other",
      category: null,
      title_en: "Synthetic API policy, edited",
      title_zh: null,
      description: null,
      source_title: null,
      source_url: null,
      published_on: null,
      quote: null,
    });
    const titles = (await seriesEvents()).map((e) => e.title_en);
    expect(titles).toContain("Synthetic API policy, edited");
    expect(titles).not.toContain(EVENT.title_en);

    const deleted = await call(`/api/events/${event.id}`, { method: "DELETE", headers: admin });
    expect(deleted.status).toBe(204);
    expect((await call(`/api/events/${event.id}`)).status).toBe(404);
    expect((await seriesEvents()).map((e) => e.title_en)).not.toContain("Synthetic API policy, edited");
    expect((await call(`/api/events/${event.id}`, { method: "DELETE", headers: admin })).status).toBe(404);
  });

  it("redraws the chart image when an event other than the latest is deleted", async () => {
    const first = (await (await send("/api/events", "POST", { ...EVENT, title_en: "Synthetic first" })).json()) as EventRow;
    const second = (await (
      await send("/api/events", "POST", { ...EVENT, date: "2022-04", title_en: "Synthetic second" })
    ).json()) as EventRow;
    const before = await chartSvg();
    expect(before).toContain("Synthetic first");
    expect(before).toContain("Synthetic second");
    expect((await call(`/api/events/${first.id}`, { method: "DELETE", headers: admin })).status).toBe(204);
    const after = await chartSvg();
    expect(after).not.toContain("Synthetic first");
    expect(after).toContain("Synthetic second");
    expect((await call(`/api/events/${second.id}`, { method: "DELETE", headers: admin })).status).toBe(204);
  });

  it("refuses writes without the admin token, and changes nothing", async () => {
    const before = await anhui();
    const [existing] = before;
    expect(existing).toBeDefined();
    for (const headers of [
      { "content-type": "application/json" } as Record<string, string>,
      { "content-type": "application/json", authorization: "Bearer not-the-token-000000000" },
    ]) {
      for (const [method, p] of [
        ["POST", "/api/events"],
        ["PUT", `/api/events/${existing?.id}`],
        ["DELETE", `/api/events/${existing?.id}`],
      ] as const) {
        const response = await send(p, method, { ...EVENT, title_en: "Synthetic unauthorised" }, headers);
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain("Bearer");
      }
    }
    expect(await anhui()).toEqual(before);
  });

  it.each([
    [{ date: "2022-13" }, "date", "Event date: '2022-13' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"],
    [{ date: "" }, "date", "Event date: Date is missing"],
    [
      { kind: "party" },
      "kind",
      "Event kind: 'party' is not a kind: use one of inauguration, expansion, policy, innovation, agreement, other",
    ],
    [{ zone: "anhui-ftzz" }, "zone", /^Event zone: Unknown zone 'anhui-ftzz'; closest known codes: anhui-ftz/],
    [{ title_en: " " }, "title_en", "Event title_en: English title is missing"],
    [
      { source_url: "example.org" },
      "source_url",
      "Event source_url: 'example.org' is not a web address: it must start with http:// or https://",
    ],
    [{ source_title: "", published_on: "2022-04-01" }, "source_title", "Event source_title: A source URL or date needs a source title"],
    [{ titleEn: "Synthetic" }, "body", /^Event body: has unknown field 'titleEn'; the fields are zone, date, kind/],
    [{ quote: 42 }, "quote", "Event quote: must be text"],
  ])("answers %j with 400 naming the field %s, and writes nothing", async (change, field, message) => {
    const before = await anhui();
    const response = await send("/api/events", "POST", { ...EVENT, title_en: "Synthetic refused", ...change });
    expect(response.status).toBe(400);
    const body = await error(response);
    expect(body.details?.field).toBe(field);
    if (typeof message === "string") expect(body.message).toBe(message);
    else expect(body.message).toMatch(message);
    // The same body cannot change an existing event either.
    const [existing] = before;
    expect((await send(`/api/events/${existing?.id}`, "PUT", { ...EVENT, title_en: "Synthetic refused", ...change })).status).toBe(400);
    expect(await anhui()).toEqual(before);
  });

  it("names every problem of a body at once, and refuses what is not JSON", async () => {
    const response = await send("/api/events", "POST", { zone: "nowhere", date: "2022-02-30", kind: "", title_en: "Synthetic" });
    expect(response.status).toBe(400);
    const message = (await error(response)).message;
    expect(message).toMatch(/^Event zone: Unknown zone 'nowhere'/);
    expect(message).toContain("; date: '2022-02-30' is not a date");
    expect(message).toContain("; kind: kind is missing: one of inauguration");
    expect((await call("/api/events", { method: "POST", headers: admin, body: "{" })).status).toBe(400);
    expect((await call("/api/events", { method: "POST", headers: { ...admin, "content-type": "text/plain" }, body: "{}" })).status).toBe(
      415,
    );
  });

  it("answers 409 for a second event with the same zone, date and English title, and writes nothing", async () => {
    const first = (await (await send("/api/events", "POST", { ...EVENT, title_en: "Synthetic twin" })).json()) as EventRow;
    const other = (await (await send("/api/events", "POST", { ...EVENT, title_en: "Synthetic sibling" })).json()) as EventRow;
    const before = await anhui();
    const again = await send("/api/events", "POST", { ...EVENT, title_en: "Synthetic twin", description: "Another description" });
    expect(again.status).toBe(409);
    expect((await error(again)).message).toBe("This zone already has an event 'Synthetic twin' on 2022-03: edit that one instead");
    // Editing another event into the same identity is refused too; editing the event itself is not.
    expect((await send(`/api/events/${other.id}`, "PUT", { ...EVENT, title_en: "Synthetic twin" })).status).toBe(409);
    expect(await anhui()).toEqual(before);
    expect((await send(`/api/events/${first.id}`, "PUT", { ...EVENT, title_en: "Synthetic twin", kind: "other" })).status).toBe(200);
    for (const { id } of [first, other]) expect((await call(`/api/events/${id}`, { method: "DELETE", headers: admin })).status).toBe(204);
  });

  it("answers 404 for an event that does not exist", async () => {
    for (const id of ["999999", "0", "abc"]) {
      expect((await send(`/api/events/${id}`, "PUT", EVENT)).status).toBe(404);
      expect((await call(`/api/events/${id}`, { method: "DELETE", headers: admin })).status).toBe(404);
      expect((await call(`/api/events/${id}`)).status).toBe(404);
    }
    expect((await list()).map((e) => e.title_en)).not.toContain(EVENT.title_en);
  });
});

describe("the events page", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  const axe = async () => {
    const results = await new AxeBuilder({ page: session.page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ")}`);
  };

  it("is reached from a zone's events, filtered to that zone, and asks visitors to sign in to change events", async () => {
    const { page } = session;
    await page.goto("/zones/anhui-ftz");
    await page.getByRole("link", { name: "All events: list, download, edit" }).click();
    await page.waitForURL("**/events?zone=anhui-ftz");
    await page.locator(".events-table").waitFor();
    const zones = await page.locator(".events-table tbody tr td:nth-child(2)").allTextContents();
    expect(zones.length).toBeGreaterThan(0);
    expect(new Set(zones)).toEqual(new Set(["Anhui FTZ"]));
    const note = page.locator("p.notice", { hasText: "Admins can add, edit and delete events." });
    await expect(note.getByRole("link", { name: "Sign in" }).getAttribute("href")).resolves.toBe("/sign-in?next=/events");
    await expect(page.getByRole("button", { name: /^Edit/ }).count()).resolves.toBe(0);
    await expect(page.locator(".table-downloads a").first().getAttribute("href")).resolves.toBe("/api/events?zone=anhui-ftz&format=csv");
  });

  it("lets a signed-in admin add an event (showing the API's message first), edit its title and delete it", async () => {
    const { page } = session;
    await page.goto("/sign-in?next=/events");
    await page.getByLabel("Admin token").fill(inject("adminToken"));
    await page.getByLabel(/Your name/).fill("Events Tester");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/events");

    const add = page.locator(".event-add");
    await add.locator("summary").click();
    await add.getByLabel("Zone").selectOption("anhui-ftz");
    await add.getByLabel("Date").fill("2022-13");
    await add.getByLabel("Kind").selectOption("innovation");
    await add.getByLabel("Title in English").fill("Synthetic browser event");
    await add.getByLabel("Source: title of the publication").fill("Synthetic Browser Test");
    await add.getByLabel("Source: web address").fill("https://example.org/synthetic-browser");
    await add.getByRole("button", { name: "Add event", exact: true }).click();
    const alert = add.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe("Not saved: Event date: '2022-13' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY");
    await expect(add.getByLabel("Date").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await axe()).toEqual([]);

    await add.getByLabel("Date").fill("2022-03-15");
    await add.getByRole("button", { name: "Add event", exact: true }).click();
    const row = page.locator(".events-table tbody tr", { hasText: "Synthetic browser event" });
    await row.waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Event added." }).count()).resolves.toBe(1);
    await expect(row.locator("td").first().textContent()).resolves.toBe("15 Mar 2022");
    await expect(row.getByRole("link", { name: "Anhui FTZ" }).getAttribute("href")).resolves.toBe("/zones/anhui-ftz");
    await expect(row.getByRole("link", { name: "Synthetic Browser Test" }).getAttribute("href")).resolves.toBe(
      "https://example.org/synthetic-browser",
    );
    expect(await axe()).toEqual([]);

    await row.getByRole("button", { name: /^Edit/ }).click();
    const dialog = page.getByRole("dialog", { name: "Edit the event" });
    await dialog.waitFor();
    await expect(dialog.getByLabel("Date").inputValue()).resolves.toBe("2022-03-15");
    await dialog.getByLabel("Title in English").fill("Synthetic browser event, edited");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    const edited = page.locator(".events-table tbody tr", { hasText: "Synthetic browser event, edited" });
    await edited.waitFor();
    await dialog.waitFor({ state: "hidden" });
    await expect(edited.getByRole("link", { name: "Synthetic Browser Test" }).count()).resolves.toBe(1);

    page.once("dialog", (confirm) => void confirm.accept());
    await edited.getByRole("button", { name: /^Delete/ }).click();
    await page.locator(".events-table tbody tr", { hasText: "Synthetic browser event" }).waitFor({ state: "detached" });
    const left = (await (await fetch(new URL("/api/events?zone=anhui-ftz", inject("baseUrl")))).json()) as { data: EventRow[] };
    expect(left.data.map((e) => e.title_en).filter((t) => t.startsWith("Synthetic browser"))).toEqual([]);
  });
});
