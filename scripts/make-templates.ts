// Writes public/templates/: an empty workbook with one sheet per table of the data package (headers
// only, text-formatted so Excel keeps 2021-01 as typed) and a CSV header for observations.
// Run: npx tsx scripts/make-templates.ts
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { COLUMNS } from "../lib/import/columns.ts";
import { TABLES } from "../lib/domain/imports.ts";

const out = path.join(process.cwd(), "public", "templates");
fs.mkdirSync(out, { recursive: true });
const workbook = new ExcelJS.Workbook();
workbook.creator = "ftz-monitor";
for (const table of TABLES) {
  const sheet = workbook.addWorksheet(table, { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = COLUMNS[table].order;
  sheet.columns = columns.map((key) => ({
    header: key,
    key,
    width: Math.max(14, key.length + 4),
    style: { numFmt: key === "value" || key === "area_km2" ? "General" : "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  COLUMNS[table].required.forEach((key) => {
    const cell = sheet.getRow(1).getCell(columns.indexOf(key) + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE8F5" } };
  });
}
await workbook.xlsx.writeFile(path.join(out, "ftz-monitor-package.xlsx"));
fs.writeFileSync(path.join(out, "observations.csv"), `\uFEFF${COLUMNS.observations.order.join(",")}\r\n`);
console.log("written", out);
