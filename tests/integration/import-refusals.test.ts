// Files that are not a workbook, workbooks beyond the limits, and packages without a row: each a 4xx
// from the import API that says why, and nothing written (issue 15, points 2 and 4).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { FIXTURES } from "../support/fixtures";
import { BASE, bearer, serveSeededDatabase, writtenCounts } from "../support/routes";
import { sheetXml, workbookWithSheet, zipArchive } from "../support/zip";
import { POST } from "@/app/api/imports/route";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER = ["zone", "indicator", "period", "basis", "value", "unit", "source_title"];
const workbook = fs.readFileSync(path.join(FIXTURES, "xlsx", "package.xlsx"));

/** The workbook with a few bytes of its first member's packed data changed: the directory still matches. */
function damaged(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const dataStart = 30 + copy.readUInt16LE(26) + copy.readUInt16LE(28);
  for (let i = 0; i < 8; i += 1) copy[dataStart + 2 + i] = (copy[dataStart + 2 + i] ?? 0) ^ 0x5a;
  return copy;
}

let db: Database;
beforeAll(async () => {
  db = await serveSeededDatabase();
});
afterAll(async () => db?.close());

async function post(body: Buffer | string, type: string, query = "") {
  const response = await POST(
    new Request(`${BASE}/api/imports${query}`, {
      method: "POST",
      headers: { ...bearer, "content-type": type },
      body: typeof body === "string" ? body : new Uint8Array(body),
    }),
  );
  const json = (await response.json()) as {
    error?: { code: string; message: string };
    errors?: { message: string }[];
    committed?: boolean;
  };
  return { status: response.status, json, message: json.error?.message ?? json.errors?.map((e) => e.message).join(" | ") ?? "" };
}

describe("a file that is not a workbook", () => {
  it.each([
    ["an empty file", Buffer.alloc(0), 415, "upload.xlsx is not an XLSX workbook: the file is empty"],
    ["text", Buffer.from("zone,indicator\nanhui-ftz,x\n"), 415, "upload.xlsx is not an XLSX workbook: it is not a zip archive"],
    ["an empty zip", zipArchive([]), 415, "upload.xlsx is a zip archive but not an XLSX workbook (it has no xl/workbook.xml)"],
    [
      "a zip of random members",
      zipArchive([
        { name: "readme.txt", content: "hello" },
        { name: "data/1.bin", content: Buffer.from([1, 2, 3]) },
      ]),
      415,
      "upload.xlsx is a zip archive but not an XLSX workbook (it has no xl/workbook.xml)",
    ],
    [
      "a truncated workbook",
      workbook.subarray(0, Math.floor(workbook.length * 0.6)),
      415,
      "the zip archive is incomplete (truncated or damaged)",
    ],
    ["a workbook with bytes changed inside a member", damaged(workbook), 415, "upload.xlsx is a damaged XLSX workbook: member"],
    [
      "a workbook missing its last bytes",
      workbook.subarray(0, workbook.length - 5),
      415,
      "the zip archive is incomplete (truncated or damaged)",
    ],
    [
      "malformed sheet XML",
      workbookWithSheet("<worksheet><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>zone</t></is></c><<</row>"),
      422,
      "upload.xlsx is not a readable XLSX workbook",
    ],
    ["a sheet cut short", workbookWithSheet("<worksheet><sheetData><row"), 422, "upload.xlsx holds no table: no sheet has a header row"],
    ["a workbook of empty sheets", workbookWithSheet(sheetXml([])), 422, "upload.xlsx holds no table: no sheet has a header row"],
    ["a header and no rows", workbookWithSheet(sheetXml([HEADER])), 422, "upload.xlsx › observations has a header but no rows"],
  ])("%s: %i with the reason, nothing recorded", async (_name, bytes, status, message) => {
    const before = await writtenCounts(db);
    const answer = await post(bytes, XLSX);
    expect(answer.status).toBe(status);
    expect(answer.message).toContain(message);
    expect(answer.json.committed ?? false).toBe(false);
    expect(await writtenCounts(db)).toEqual(before);
  });

  it("a workbook that declares more rows than FTZ_IMPORT_MAX_SHEET_ROWS is refused before it is read: 413", async () => {
    const before = await writtenCounts(db);
    const started = performance.now();
    const answer = await post(workbookWithSheet(sheetXml([HEADER], 1_000_000)), XLSX);
    expect(answer.status).toBe(413);
    expect(answer.message).toBe(
      "upload.xlsx: sheet1.xml declares 1,000,000 rows, more than this server reads from one sheet (250,000; FTZ_IMPORT_MAX_SHEET_ROWS). Send the data as CSV",
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await writtenCounts(db)).toEqual(before);
  });

  it("a workbook that unpacks to more than FTZ_IMPORT_MAX_UNPACKED_BYTES is refused before it is read: 413", async () => {
    const before = await writtenCounts(db);
    const answer = await post(workbookWithSheet(sheetXml([HEADER]), 1_000_000_000), XLSX);
    expect(answer.status).toBe(413);
    expect(answer.message).toBe(
      "upload.xlsx unpacks to 954 MB, more than this server reads from one workbook (128 MB; FTZ_IMPORT_MAX_UNPACKED_BYTES). Send the data as CSV",
    );
    expect(await writtenCounts(db)).toEqual(before);
  });
});

describe("a package in which no table holds a row", () => {
  it("a CSV with only a header is a 422, nothing recorded", async () => {
    const before = await writtenCounts(db);
    const answer = await post(`${HEADER.join(",")}\n`, "text/csv");
    expect(answer.status).toBe(422);
    expect(answer.message).toBe("observations.csv has a header but no rows: observations holds no rows");
    expect(await writtenCounts(db)).toEqual(before);
  });

  it("a targets-only package stays valid", async () => {
    const zones = await post(fs.readFileSync(path.join(FIXTURES, "base", "zones.csv")), "text/csv", "?name=zones.csv");
    const indicators = await post(fs.readFileSync(path.join(FIXTURES, "base", "indicators.csv")), "text/csv", "?name=indicators.csv");
    expect([zones.status, indicators.status]).toEqual([200, 200]);
    const before = await writtenCounts(db);
    const answer = await post(
      "zone,indicator,year,value,unit\nsynthetic-a,synthetic_trade,2021,100,亿元\n",
      "text/csv",
      "?name=targets.csv",
    );
    expect(answer).toMatchObject({ status: 200, json: { committed: true } });
    expect(await writtenCounts(db)).toEqual({ ...before, targets: before.targets + 1, imports: before.imports + 1 });
  });

  it("a valid workbook still imports", async () => {
    const answer = await post(workbook, XLSX);
    expect(answer).toMatchObject({ status: 200, json: { committed: true } });
  });
});
