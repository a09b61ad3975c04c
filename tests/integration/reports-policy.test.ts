// Reports saved without signing in: capped in size and rate per client address, NUL characters refused,
// nothing stored past the caps; an admin is not capped (issue 15, point 7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { BASE, bearer, routeParams, serveSeededDatabase } from "../support/routes";
import * as reports from "@/app/api/reports/route";
import * as reportById from "@/app/api/reports/[id]/route";

let db: Database;
beforeAll(async () => {
  db = await serveSeededDatabase();
});
afterAll(async () => db?.close());

const VIEW = "indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period";
const report = (notes = "", title = "A report") => JSON.stringify({ title, notes, items: [{ view: VIEW }] });

async function save(body: string, address: string, headers: Record<string, string> = {}) {
  const response = await reports.POST(
    new Request(`${BASE}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, ...headers },
      body,
    }),
  );
  const json = (await response.json()) as { id?: string; editKey?: string; error?: { message: string } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), message: json.error?.message, json };
}

describe("reports saved without signing in", () => {
  it("a report over 64 KB is a 413, nothing stored", async () => {
    const before = await db.prisma.report.count();
    const answer = await save(
      report("x".repeat(19_000), "t".repeat(150)).replace('"items"', `"pad":"${"y".repeat(60_000)}","items"`),
      "198.51.100.20",
    );
    expect(answer).toMatchObject({ status: 413, message: "The body is larger than 64 KB." });
    expect(await db.prisma.report.count()).toBe(before);
  });

  it("a NUL character is a 400 naming it, nothing stored", async () => {
    const before = await db.prisma.report.count();
    const answer = await save(report("before\u0000after"), "198.51.100.21");
    expect(answer).toMatchObject({ status: 400, message: "Report text holds a NUL character (\\0), which cannot be stored: remove it." });
    expect(await db.prisma.report.count()).toBe(before);
  });

  it("10 saves from one address in 10 minutes, then 429 with Retry-After and nothing stored; another address and an admin still save", async () => {
    const before = await db.prisma.report.count();
    for (let i = 0; i < 10; i += 1) expect((await save(report(`n${i}`), "203.0.113.50")).status).toBe(201);
    const refused = await save(report("eleventh"), "203.0.113.50");
    expect(refused).toMatchObject({
      status: 429,
      retryAfter: "600",
      message: "Too many reports saved from this address: try again in 600 s, or sign in.",
    });
    expect(await db.prisma.report.count()).toBe(before + 10);
    expect((await save(report("other"), "203.0.113.51")).status).toBe(201);
    expect((await save(report("admin"), "203.0.113.50", bearer)).status).toBe(201);
    expect(await db.prisma.report.count()).toBe(before + 12);
  });

  it("a visitor's change through the edit key is capped at 64 KB too; an admin's is not", async () => {
    const saved = await save(report("first"), "203.0.113.60");
    const id = saved.json.id ?? "";
    const put = (headers: Record<string, string>) =>
      reportById.PUT(
        new Request(`${BASE}/api/reports/${id}`, {
          method: "PUT",
          headers: { "content-type": "application/json", ...headers },
          body: report("z".repeat(19_000)).replace('"items"', `"items2":"${"w".repeat(50_000)}","items"`),
        }),
        routeParams({ id }),
      );
    expect((await put({ "x-report-key": saved.json.editKey ?? "" })).status).toBe(413);
    expect((await put(bearer)).status).toBe(200);
  });
});
