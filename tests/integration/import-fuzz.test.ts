// 1,200 malformed CSV, XLSX and multipart bodies from a seeded generator, sent to the import API's
// route handler: not one answer of 500 or more, no unhandled rejection, and not one figure or import
// written (issue 15, "Done when"). Every body keeps an unknown zone in its first row, so that no
// mutation can turn it into a valid package; the seed makes a failure reproducible.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { OBSERVATION_ORDER } from "@/lib/import/columns";
import { BASE, bearer, serveSeededDatabase, writtenCounts } from "../support/routes";
import { sheetXml, workbookWithSheet, zipArchive } from "../support/zip";
import { POST } from "@/app/api/imports/route";

const SEED = 15_2026;
/** FUZZ_BODIES=… runs more (or fewer) bodies from the same sequence. */
const BODIES = Number(process.env.FUZZ_BODIES ?? 1200);

/** mulberry32: a small seeded generator, the same sequence on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

type Column = (typeof OBSERVATION_ORDER)[number];
const HEADER: string[] = [...OBSERVATION_ORDER];
const row = (cells: Partial<Record<Column, string>>) => OBSERVATION_ORDER.map((column) => cells[column] ?? "");
const UNKNOWN_ROW = row({
  zone: "fuzz-no-such-zone",
  indicator: "new_enterprises",
  period: "2051-01",
  value: "5",
  unit: "家",
  source_title: "Fuzz",
});
const validRow = (i: number) =>
  row({
    zone: "anhui-ftz",
    indicator: "new_enterprises",
    period: `2052-${String((i % 12) + 1).padStart(2, "0")}`,
    basis: "period",
    value: String(10 + i),
    unit: "家",
    qualifier: "exact",
    source_title: "Fuzz Bulletin",
    source_url: "https://example.org/fuzz",
    published_on: "2052-12-31",
    quote: "A quote.",
    status: "ok",
  });
const SPICE = [
  "\u0000",
  "\r",
  "\n",
  "\r\n",
  '"',
  '""',
  ",",
  ";",
  "\t",
  "\ufeff",
  "\ufffd",
  "亿元",
  "万TEU",
  "1e400",
  "-0",
  "NaN",
  "Infinity",
  "2020-02-30",
  "9999-99",
  "/",
  "\\",
  "<",
  "&",
  "=cmd()",
  "%",
  "超",
  "约",
  "\u202e",
  "\ud800",
  "x".repeat(25_000),
];

type Body = { kind: string; body: Uint8Array; type: string; query?: string };

function csvBodies(random: ReturnType<typeof generator>): Body {
  const rows = [HEADER, UNKNOWN_ROW, ...Array.from({ length: 1 + random.int(4) }, (_, i) => validRow(i))].map((row) => [...row]);
  const mutation = random.int(10);
  if (mutation <= 3) {
    // Spice in random cells (never the first row's zone, which keeps the package invalid).
    for (let n = 0; n < 1 + random.int(4); n += 1) {
      const r = random.int(rows.length);
      const row = rows[r]!;
      const c = random.int(row.length);
      if (r === 1 && c === 0) continue;
      row[c] = `${row[c] ?? ""}${random.pick(SPICE)}`;
    }
  } else if (mutation === 4) {
    // A header gone wrong: duplicated, dropped or invented columns.
    const header = rows[0]!;
    const change = random.int(3);
    if (change === 0) header.push(random.pick(HEADER));
    else if (change === 1) header.splice(random.int(header.length), 1);
    else header[random.int(header.length)] = `col${random.int(100)}`;
  }
  const ending = random.pick(["\n", "\r\n", "\r", "mixed"]);
  let text = rows
    .map((row) =>
      row.map((cell) => (random.next() < 0.2 ? `"${cell.replaceAll('"', '""')}"` : cell)).join(random.next() < 0.05 ? ";" : ","),
    )
    .map((line) => line + (ending === "mixed" ? random.pick(["\n", "\r\n", "\r"]) : ending))
    .join("");
  if (mutation === 5) text = text.slice(0, random.int(text.length)); // truncated, possibly inside a quote
  let bytes: Uint8Array = new TextEncoder().encode(text);
  if (mutation === 6) {
    // Bytes flipped anywhere after the first row's zone.
    const copy = Buffer.from(bytes);
    const start = text.indexOf("fuzz-no-such-zone") + 20;
    for (let n = 0; n < 1 + random.int(20); n += 1) copy[start + random.int(Math.max(1, copy.length - start))] = random.int(256);
    bytes = copy;
  } else if (mutation === 7) {
    bytes = Buffer.concat([Buffer.from(bytes), Buffer.from(Array.from({ length: random.int(2000) }, () => random.int(256)))]);
  } else if (mutation === 8) {
    bytes = Buffer.from(Array.from({ length: random.int(3000) }, () => random.int(256)));
  } else if (mutation === 9) {
    bytes = new TextEncoder().encode(random.pick(["", " ", "\n\n\n", ",,,,", '"', "\ufeff", HEADER.join(",")]));
  }
  const name = random.pick(["observations.csv", "data.csv", "zones.csv", "targets.csv", "events.csv", "x.txt", "upload.bin"]);
  return { kind: `csv:${mutation}`, body: bytes, type: random.pick(["text/csv", "text/plain; charset=utf-8"]), query: `?name=${name}` };
}

function xlsxBodies(random: ReturnType<typeof generator>, workbook: Buffer): Body {
  const mutation = random.int(9);
  let bytes: Buffer;
  if (mutation === 0) bytes = workbook.subarray(0, random.int(workbook.length));
  else if (mutation === 1) {
    bytes = Buffer.from(workbook);
    for (let n = 0; n < 1 + random.int(30); n += 1) bytes[random.int(bytes.length)] = random.int(256);
  } else if (mutation === 2) {
    bytes = zipArchive(
      Array.from({ length: random.int(5) }, (_, i) => ({
        name: random.pick(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml", `junk/${i}.bin`, "_rels/.rels"]),
        content: Buffer.from(Array.from({ length: random.int(500) }, () => random.int(256))),
      })),
    );
  } else if (mutation === 3) {
    // Sheet XML with spice, unbalanced tags or cut short.
    const cells = [HEADER, UNKNOWN_ROW, validRow(1)].map((row) =>
      row.map((cell) => (random.next() < 0.2 ? `${cell}${random.pick(SPICE)}` : cell)),
    );
    let xml = sheetXml(cells, random.next() < 0.3 ? random.int(2_000_000) : undefined);
    if (random.next() < 0.5) xml = xml.slice(0, random.int(xml.length));
    if (random.next() < 0.3) xml = xml.replace("<row", random.pick(["<<row", "<row r='x'", "<row r='-1'", "<row r='99999999999'"]));
    bytes = workbookWithSheet(xml);
  } else if (mutation === 4) bytes = workbookWithSheet(sheetXml([HEADER, UNKNOWN_ROW]), random.pick([0, 1, 2 ** 32 - 2, 500_000_000]));
  else if (mutation === 5)
    bytes = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from(Array.from({ length: random.int(4000) }, () => random.int(256)))]);
  else if (mutation === 6) bytes = zipArchive([]);
  else if (mutation === 7) {
    // The end-of-directory record damaged: counts, sizes, offsets.
    bytes = Buffer.from(workbook);
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt32LE(random.int(2 ** 32), end + random.pick([8, 12, 16]));
  } else bytes = Buffer.concat([workbook, workbook.subarray(0, random.int(workbook.length))]);
  return {
    kind: `xlsx:${mutation}`,
    body: bytes,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    query: random.next() < 0.5 ? "?name=upload.xlsx" : "",
  };
}

function multipartBodies(random: ReturnType<typeof generator>): Body {
  const boundary = `fuzz${random.int(1e6)}`;
  const file = `${HEADER.join(",")}\n${UNKNOWN_ROW.join(",")}\n${validRow(3).join(",")}\n`;
  const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${random.pick(["observations.csv", "a.xlsx", "../../etc/passwd", "\u0000.csv", ""])}"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`;
  let text = `${part}--${boundary}--\r\n`;
  const mutation = random.int(5);
  if (mutation === 0) text = text.slice(0, random.int(text.length));
  else if (mutation === 1) text = text.replaceAll(boundary, `${boundary}x`);
  else if (mutation === 2) text = text.replace("\r\n\r\n", "\r\n");
  else if (mutation === 3) text = `${part}${part}${part}`;
  const type = random.pick([
    `multipart/form-data; boundary=${boundary}`,
    "multipart/form-data",
    `multipart/form-data; boundary="${boundary}`,
    "multipart/form-data; boundary=",
  ]);
  return { kind: `multipart:${mutation}`, body: new TextEncoder().encode(text), type };
}

let db: Database;
let workbook: Buffer;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  db = await serveSeededDatabase();
  const book = new ExcelJS.Workbook();
  book.addWorksheet("observations").addRows([HEADER, UNKNOWN_ROW, validRow(1), validRow(2)]);
  workbook = Buffer.from(await book.xlsx.writeBuffer());
  process.on("unhandledRejection", onRejection);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await db?.close();
});

describe("the import API under malformed bodies", () => {
  it(`answers ${BODIES} generated bodies with 4xx, never 5xx, and writes nothing`, { timeout: 120_000 }, async () => {
    const random = generator(SEED);
    const before = await writtenCounts(db);
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    const started = performance.now();
    for (let i = 0; i < BODIES; i += 1) {
      const choice = random.int(10);
      const body = choice < 5 ? csvBodies(random) : choice < 9 ? xlsxBodies(random, workbook) : multipartBodies(random);
      const response = await POST(
        new Request(`${BASE}/api/imports${body.query ?? ""}`, {
          method: "POST",
          headers: { ...bearer, "content-type": body.type },
          body: new Uint8Array(body.body),
        }),
      );
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500 || response.status < 400)
        serverErrors.push(`#${i} ${body.kind}: ${response.status} ${text.slice(0, 300)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${BODIES} bodies in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(serverErrors).toEqual([]);
    expect(rejections).toEqual([]);
    expect(await writtenCounts(db)).toEqual(before);
  });
});
