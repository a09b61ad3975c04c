// GET /api/observations — figures with their sources, filtered; JSON pages or the whole set as CSV.
import { getPrisma } from "@/lib/bootstrap";
import { countObservations, getObservationPage, iterateObservations } from "@/lib/db/queries/observations";
import { AppError } from "@/lib/errors";
import { xlsxResponse } from "@/lib/export/xlsx";
import { csvResponse, csvStream } from "@/lib/export/csv";
import { observationApiRow } from "@/lib/export/observation-rows";
import { OBSERVATION_COLUMNS, observationCells, observationsXlsx } from "@/lib/export/observations";
import { handle, json } from "@/lib/http";
import { OBSERVATION_LIST_PARAMS, ObservationQuerySchema, XLSX_MAX_ROWS } from "@/lib/validation/observations";
import { parseParams } from "@/lib/validation/params";
import { xlsxWords } from "@/lib/i18n/export-words";

export const GET = handle(async (request) => {
  const url = new URL(request.url);
  const { format, limit, cursor, lang, ...filter } = parseParams(url, ObservationQuerySchema, OBSERVATION_LIST_PARAMS);
  const prisma = await getPrisma();
  if (format === "csv") {
    const batches = iterateObservations(prisma, filter);
    // Read the first batch before answering, so that a bad zone or indicator code is still a 400.
    const first = await batches.next();
    async function* cells() {
      if (!first.done) yield first.value.map(observationCells);
      for await (const rows of batches) yield rows.map(observationCells);
    }
    const headers = OBSERVATION_COLUMNS.map((code) => xlsxWords(lang ?? "en").header(code));
    return csvResponse(csvStream(headers, cells()), "ftz-monitor-observations.csv");
  }
  if (format === "xlsx") {
    const total = await countObservations(prisma, filter);
    if (total > XLSX_MAX_ROWS) {
      throw new AppError(
        "bad_request",
        `Parameter 'format': ${total.toLocaleString("en")} rows are too many for one workbook (at most ${XLSX_MAX_ROWS.toLocaleString("en")}): filter further or use format=csv`,
        { parameter: "format" },
      );
    }
    return xlsxResponse(await observationsXlsx(iterateObservations(prisma, filter), lang ?? "en"), "ftz-monitor-observations.xlsx");
  }
  const page = await getObservationPage(prisma, filter, limit ?? 1000, cursor);
  const next = page.nextCursor ? new URL(url) : null;
  next?.searchParams.set("cursor", page.nextCursor ?? "");
  return json({ data: page.data.map(observationApiRow), next_cursor: page.nextCursor, next: next?.toString() ?? null });
});
