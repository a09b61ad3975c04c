// GET /api/china — the national table (every pilot FTZ and its latest key figures) as JSON, CSV or XLSX;
// `sort`, `dir` and `same` as on the page.
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { getNationalData } from "@/lib/db/queries/national";
import { buildNationalView, NATIONAL_EXPORT_COLUMNS, nationalExportRows } from "@/lib/domain/national";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { FormatParam } from "@/lib/validation/series";
import { LangParam } from "@/lib/validation/lang";

const Params = z.object({
  format: FormatParam.optional(),
  sort: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  same: z.enum(["1"]).optional(),
  lang: LangParam.optional(),
});

export const GET = handle(async (request) => {
  const { format, sort, dir, same, lang } = parseParams(new URL(request.url), Params);
  const view = buildNationalView(await getNationalData(await getPrisma()), {
    ...(sort ? { sort } : {}),
    ...(dir ? { descending: dir === "desc" } : {}),
    samePeriod: same === "1",
  });
  const rows = nationalExportRows(view);
  if (format === "csv" || format === "xlsx") {
    const sources = view.rows.flatMap((row) =>
      Object.values(row.cells).flatMap((cell) =>
        cell ? (cell.computed ? [cell.computed.zone, cell.computed.province] : [cell.figure]) : [],
      ),
    );
    return tableResponse(
      format,
      {
        file: "ftz-monitor-china",
        sheet: "ftzs",
        columns: NATIONAL_EXPORT_COLUMNS,
        rows,
        sources: sources.map((f) => ({ ...f.source, quote: f.quote })),
      },
      lang,
    );
  }
  return json({ data: view });
});
