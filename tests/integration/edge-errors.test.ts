// Inputs that used to answer 500: each is now a 4xx naming the row, column or parameter, and writes
// nothing (issue 15, point 3; issue 13, point 7). The route handlers are called in-process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import type { Database } from "@/lib/db/connection";
import { BASE, bearer, ROUTE_ADMIN_TOKEN, routeParams, serveSeededDatabase, writtenCounts } from "../support/routes";
import * as imports from "@/app/api/imports/route";
import * as importById from "@/app/api/imports/[id]/route";
import * as observations from "@/app/api/observations/route";
import * as observationById from "@/app/api/observations/[id]/route";
import * as targets from "@/app/api/targets/route";
import * as targetById from "@/app/api/targets/[id]/route";
import * as events from "@/app/api/events/route";
import * as eventById from "@/app/api/events/[id]/route";
import * as acknowledge from "@/app/api/alerts/[id]/acknowledge/route";

const HEADER = "zone,indicator,period,basis,value,unit,source_title,quote";

let db: Database;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  db = await serveSeededDatabase();
  process.on("unhandledRejection", onRejection);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await db?.close();
});

type Answer = { status: number; message: string; body: Record<string, unknown> };
async function answer(response: Response): Promise<Answer> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message: string }; errors?: { message: string }[] };
  return { status: response.status, message: body.error?.message ?? body.errors?.map((e) => e.message).join(" | ") ?? "", body };
}

function importRequest(body: BodyInit, type: string, headers: Record<string, string> = bearer): Request {
  return new Request(`${BASE}/api/imports`, { method: "POST", headers: { ...headers, "content-type": type }, body });
}

/** Posts to the import API and checks that nothing was written, whatever the answer. */
async function postImport(body: BodyInit, type: string): Promise<Answer & { errors: { row: number; column?: string; message: string }[] }> {
  const before = await writtenCounts(db);
  const result = await answer(await imports.POST(importRequest(body, type)));
  expect(await writtenCounts(db)).toEqual(before);
  return { ...result, errors: (result.body.errors ?? []) as { row: number; column?: string; message: string }[] };
}

describe("a NUL character in a text cell", () => {
  it.each([
    ["quote", `anhui-ftz,new_enterprises,2041-01,period,5,家,Bulletin,"before\u0000after"`, "quote"],
    ["zone", `anhui\u0000-ftz,new_enterprises,2041-01,period,5,家,Bulletin,`, "zone"],
    ["source_title", `anhui-ftz,new_enterprises,2041-01,period,5,家,Bull\u0000etin,`, "source_title"],
  ])("in %s: 422 naming row 3 and the column, nothing written", async (_name, line, column) => {
    const csv = `${HEADER}\nanhui-ftz,new_enterprises,2041-02,period,6,家,Bulletin,fine\n${line}\n`;
    const result = await postImport(csv, "text/csv");
    expect(result.status).toBe(422);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column,
        message: `Column '${column}' holds a NUL character (\\0), which cannot be stored: remove it (it is often left by a conversion from another program)`,
      }),
    ]);
  });

  it("in an event sent to the events API: 400 naming the column", async () => {
    const before = await writtenCounts(db);
    const body = JSON.stringify({ zone: "anhui-ftz", date: "2041-01-01", kind: "policy", title_en: "A\u0000B", source_title: "X" });
    const result = await answer(
      await events.POST(
        new Request(`${BASE}/api/events`, { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body }),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.message).toBe(
      "Event title_en: Column 'title_en' holds a NUL character (\\0), which cannot be stored: remove it (it is often left by a conversion from another program)",
    );
    expect(await writtenCounts(db)).toEqual(before);
  });
});

describe("a cell longer than a cell may be", () => {
  it("a 2 MB zone cell is refused at once, without closest codes", async () => {
    const started = performance.now();
    const result = await postImport(`${HEADER}\n${"x".repeat(2_000_000)},new_enterprises,2041-01,period,5,家,Bulletin,\n`, "text/csv");
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.status).toBe(422);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, column: "zone", message: "Column 'zone' holds 2,000,000 characters; a cell holds at most 20,000" }),
    ]);
  });

  it("a 10,000-character unknown zone gets no suggestions and is quoted cut short", async () => {
    const result = await postImport(`${HEADER}\n${"y".repeat(10_000)},new_enterprises,2041-01,period,5,家,Bulletin,\n`, "text/csv");
    expect(result.status).toBe(422);
    expect(result.errors[0]?.message).toBe(`Unknown zone '${"y".repeat(80)}…'. Define it in the zones table or use a known code`);
  });
});

describe("mixed line endings", () => {
  it("CRLF first, then LF and CR lines: the message says the line endings are mixed", async () => {
    const rows = [
      HEADER,
      "anhui-ftz,new_enterprises,2041-01,period,5,家,Bulletin,",
      "anhui-ftz,new_enterprises,2041-02,period,6,家,Bulletin,",
      "anhui-ftz,new_enterprises,2041-03,period,7,家,Bulletin,",
    ];
    const result = await postImport(`${rows[0]}\r\n${rows[1]}\r\n${rows[2]}\n${rows[3]}\r\n`, "text/csv");
    expect(result.status).toBe(422);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 3,
        message:
          "Row 3 has 15 cells but the header has 8 columns: the file mixes line endings (CRLF, LF and CR), so lines ran together from here. Save it again as CSV, or convert it so that every line ends the same way",
      }),
    ]);
  });

  it("LF first, then CRLF lines: read as it was meant", async () => {
    const csv = `${HEADER}\nanhui-ftz,new_enterprises,2041-04,period,5,家,Bulletin,\r\nanhui-ftz,new_enterprises,2041-05,period,6,家,Bulletin,\r\n`;
    const result = await answer(await imports.POST(importRequest(csv, "text/csv", bearer)));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ committed: true, tables: { observations: { new: 2 } } });
  });
});

describe("malformed multipart bodies", () => {
  const part = `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="observations.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}\nanhui-ftz,new_enterprises,2041-06,period,5,家,Bulletin,\n\r\n`;
  it.each([
    ["no boundary", "multipart/form-data", `${part}--XYZ--\r\n`, "The multipart form cannot be read (Multipart: Boundary not found)"],
    [
      "a boundary the body does not use",
      "multipart/form-data; boundary=OTHER",
      `${part}--XYZ--\r\n`,
      "The multipart form cannot be read (Unexpected end of form)",
    ],
    [
      "a form cut off inside a file",
      "multipart/form-data; boundary=XYZ",
      part.slice(0, part.length - 40),
      "The multipart form cannot be read (Unexpected end of form)",
    ],
    [
      "a form without its closing boundary",
      "multipart/form-data; boundary=XYZ",
      part,
      "The multipart form cannot be read (Unexpected end of form)",
    ],
    ["garbage", "multipart/form-data; boundary=XYZ", "\u0000\u0001garbage--XYZ\r\n\r\n", "The multipart form cannot be read"],
  ])("%s: 400 with the reason, nothing written", async (_name, type, body, message) => {
    const result = await postImport(body, type);
    expect(result.status).toBe(400);
    expect(result.message).toContain(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
  });
});

describe("parameters and ids out of range", () => {
  it.each(["1.1.2020-02-30.1", "2147483648.1.2020-01-01.1", "1.1.2020-01-01.99999999999"])(
    "cursor=%s: 400 naming cursor",
    async (cursor) => {
      const result = await answer(await observations.GET(new Request(`${BASE}/api/observations?cursor=${cursor}`)));
      expect(result).toMatchObject({ status: 400, message: "Parameter 'cursor': must be the next_cursor of a previous page" });
    },
  );

  it.each([
    [
      "observation",
      () => observationById.GET(new Request(`${BASE}/api/observations/99999999999`), routeParams({ id: "99999999999" })),
      "There is no observation '99999999999'",
    ],
    [
      "import",
      () => importById.GET(new Request(`${BASE}/api/imports/99999999999`, { headers: bearer }), routeParams({ id: "99999999999" })),
      "There is no import '99999999999'",
    ],
    [
      "observation 0",
      () => observationById.GET(new Request(`${BASE}/api/observations/0`), routeParams({ id: "0" })),
      "There is no observation '0'",
    ],
    [
      "import abc",
      () => importById.GET(new Request(`${BASE}/api/imports/abc`, { headers: bearer }), routeParams({ id: "abc" })),
      "There is no import 'abc'",
    ],
    [
      "event",
      () => eventById.GET(new Request(`${BASE}/api/events/2147483648`), routeParams({ id: "2147483648" })),
      "There is no event '2147483648'",
    ],
  ])("%s beyond the id range: 404", async (_name, call, message) => {
    expect(await answer(await call())).toMatchObject({ status: 404, message });
  });
});

describe("Origin: null with a valid admin session cookie", () => {
  const cookie = `${SESSION_COOKIE}=${createSession("admin", ROUTE_ADMIN_TOKEN, Date.now()).value}`;
  const headers = { cookie, origin: "null", host: "ftz.test" };
  const json = { ...headers, "content-type": "application/json" };
  const message =
    "Cross-site requests cannot use the admin session (Origin: null): use the site's own pages, or send Authorization: Bearer <FTZ_ADMIN_TOKEN>.";
  it.each([
    [
      "POST /api/imports",
      () =>
        imports.POST(
          new Request(`${BASE}/api/imports`, { method: "POST", headers: { ...headers, "content-type": "text/csv" }, body: `${HEADER}\n` }),
        ),
    ],
    ["GET /api/imports", () => imports.GET(new Request(`${BASE}/api/imports`, { headers }))],
    ["GET /api/imports/1", () => importById.GET(new Request(`${BASE}/api/imports/1`, { headers }), routeParams({ id: "1" }))],
    ["POST /api/targets", () => targets.POST(new Request(`${BASE}/api/targets`, { method: "POST", headers: json, body: "{}" }))],
    [
      "DELETE /api/targets/1",
      () => targetById.DELETE(new Request(`${BASE}/api/targets/1`, { method: "DELETE", headers }), routeParams({ id: "1" })),
    ],
    ["POST /api/events", () => events.POST(new Request(`${BASE}/api/events`, { method: "POST", headers: json, body: "{}" }))],
    [
      "PUT /api/events/1",
      () => eventById.PUT(new Request(`${BASE}/api/events/1`, { method: "PUT", headers: json, body: "{}" }), routeParams({ id: "1" })),
    ],
    [
      "DELETE /api/events/1",
      () => eventById.DELETE(new Request(`${BASE}/api/events/1`, { method: "DELETE", headers }), routeParams({ id: "1" })),
    ],
    [
      "POST /api/alerts/1/acknowledge",
      () => acknowledge.POST(new Request(`${BASE}/api/alerts/1/acknowledge`, { method: "POST", headers }), routeParams({ id: "1" })),
    ],
  ])("%s: 403, nothing written", async (_name, call) => {
    const before = await writtenCounts(db);
    expect(await answer(await call())).toMatchObject({ status: 403, message });
    expect(await writtenCounts(db)).toEqual(before);
  });

  it("the same cookie from this site's own page is accepted", async () => {
    const result = await answer(
      await imports.GET(new Request(`${BASE}/api/imports`, { headers: { cookie, origin: "http://ftz.test", host: "ftz.test" } })),
    );
    expect(result.status).toBe(200);
  });
});
