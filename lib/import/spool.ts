// Receives an upload onto disk before importing it: the importer reads a file more than once
// (checksum, header, rows), and a large upload must not sit in memory. Enforces the size limit while
// receiving; what was received is removed afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "../errors.ts";
import type { PackageFile } from "./read.ts";

export type Spooled = { files: PackageFile[]; fields: Record<string, string>; cleanup: () => void };

class SizeLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly state: { total: number },
    private readonly limit: number,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    this.state.total += chunk.length;
    if (this.state.total > this.limit) callback(tooLarge(this.limit));
    else callback(null, chunk);
  }
}

function tooLarge(limit: number): AppError {
  return new AppError(
    "payload_too_large",
    `The upload is larger than this server accepts (${Math.round(limit / 1024 / 1024)} MB; FTZ_IMPORT_MAX_BYTES).`,
  );
}

function malformedForm(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    "bad_request",
    `The multipart form cannot be read (${reason}): send multipart/form-data with its boundary in the Content-Type, complete up to its closing boundary — as a browser or curl -F does.`,
  );
}

function safeName(name: string, fallback: string): string {
  const base = path
    .basename(name.replaceAll("\\", "/"))
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .slice(0, 120);
  return base && base !== "." && base !== ".." ? base : fallback;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Spools a request body: multipart/form-data (every file part), text/csv, or an XLSX body. The file
 * name of a raw body comes from `name` (a query parameter) or defaults to observations.csv / upload.xlsx.
 */
export async function spoolRequest(request: Request, limit: number, rawName?: string): Promise<Spooled> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) throw new AppError("bad_request", "The request has no body: send a file.");
  const contentType = request.headers.get("content-type") ?? "";
  // Lower-cased only to recognise the type: the multipart boundary itself is case-sensitive.
  const type = contentType.toLowerCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-upload-"));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const state = { total: 0 };
  const toFile = (name: string): PackageFile => {
    const full = path.join(dir, name);
    return { name, size: fs.statSync(full).size, open: () => fs.createReadStream(full) };
  };
  try {
    const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    if (type.startsWith("multipart/form-data")) {
      const names: string[] = [];
      const fields: Record<string, string> = {};
      let busboy: Busboy.Busboy;
      try {
        busboy = Busboy({ headers: { "content-type": contentType }, limits: { files: 10, fields: 20 }, defParamCharset: "utf8" });
      } catch (error) {
        throw malformedForm(error);
      }
      // Each file's write settles on its own; its failure is kept, never left as an unhandled rejection.
      const writes: Promise<unknown>[] = [];
      busboy.on("file", (_field, stream, info) => {
        let name = safeName(info.filename ?? "", `file-${names.length + 1}`);
        while (names.includes(name)) name = `${names.length + 1}-${name}`;
        names.push(name);
        writes.push(
          pipeline(stream, new SizeLimit(state, limit), fs.createWriteStream(path.join(dir, name))).then(
            () => undefined,
            (error: unknown) => {
              // Stop receiving: busboy would otherwise wait forever for the abandoned part to be read.
              body.destroy(error instanceof Error ? error : new Error(String(error)));
              return error;
            },
          ),
        );
      });
      busboy.on("field", (name, value) => (fields[name] = value));
      let formError: unknown;
      await pipeline(body, busboy).catch((error: unknown) => (formError = error));
      const writeError = (await Promise.all(writes)).find((outcome) => outcome !== undefined);
      const failure = [writeError, formError].find((error) => error instanceof AppError) ?? formError ?? writeError;
      if (failure !== undefined) throw failure instanceof AppError ? failure : malformedForm(failure);
      if (names.length === 0) throw new AppError("bad_request", "The form holds no file: attach a CSV or XLSX file.");
      return { files: names.map(toFile), fields, cleanup };
    }
    const isXlsx = type.startsWith(XLSX_TYPE);
    if (!isXlsx && !type.startsWith("text/csv") && !type.startsWith("text/plain")) {
      throw new AppError(
        "unsupported_media_type",
        "Send multipart/form-data with files, text/csv, or an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).",
      );
    }
    const name = safeName(rawName ?? "", isXlsx ? "upload.xlsx" : "observations.csv");
    await pipeline(body, new SizeLimit(state, limit), fs.createWriteStream(path.join(dir, name)));
    return { files: [toFile(name)], fields: {}, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
