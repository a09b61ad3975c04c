// ExcelJS's streaming reader can wait forever on a damaged archive: the importer checks every member
// first (lib/import/zip.ts), and as a last guard the row reader gives up when ExcelJS stops reading.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bufferFile, sheetRows } from "@/lib/import/read";

/** A workbook with bytes changed at seeded places: one such file made ExcelJS wait forever. */
async function damagedWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("observations").addRows([
    ["zone", "indicator", "period"],
    ["a", "b", "c"],
  ]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let n = 0; n < 1 + Math.floor(random() * 30); n += 1) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
  return bytes;
}

describe("reading a damaged workbook's rows", () => {
  it("ends with an error once ExcelJS stops reading, instead of waiting forever", async () => {
    const file = bufferFile("damaged.xlsx", await damagedWorkbook());
    const started = performance.now();
    const read = (async () => {
      for await (const row of sheetRows(file, { bytes: 0 }, 500)) void row;
    })();
    await expect(read).rejects.toThrow(/the reader stopped after \d+ bytes \(a damaged workbook\?\)/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
