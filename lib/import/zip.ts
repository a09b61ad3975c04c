// Looks inside an XLSX file before ExcelJS reads it: is it a zip archive at all, is it a workbook, and do
// the sizes and row counts it declares stay within the configured limits. Reads the zip's central
// directory (from the end of the file) and the first bytes of each worksheet (its <dimension>), so a
// file that is not a workbook, or one that would unpack to gigabytes, is refused in milliseconds.
import type { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";

export type WorkbookLimits = {
  /** The most a workbook may unpack to, all members together (bytes). */
  unpackedBytes: number;
  /** The most rows one worksheet may declare. */
  sheetRows: number;
};

export type ZipEntry = { name: string; method: number; crc: number; compressedSize: number; size: number; offset: number };

/** Why a file cannot be read as a workbook: `unsupported` is not a workbook at all, `limit` exceeds a limit. */
export class WorkbookRefused extends Error {
  constructor(
    readonly kind: "unsupported" | "limit",
    message: string,
  ) {
    super(message);
    this.name = "WorkbookRefused";
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The central directory of a real workbook is a few KB; more than this many bytes of it is not a workbook. */
const MAX_DIRECTORY_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;
const MAX_SHEETS = 50;
/** How much of a worksheet's XML to unpack when looking for its <dimension>. */
const PEEK_BYTES = 16 * 1024;

/** The last `keep` bytes of a stream and its total length. */
async function readTail(input: Readable, keep: number): Promise<{ tail: Buffer; length: number }> {
  let chunks: Buffer[] = [];
  let held = 0;
  let length = 0;
  for await (const chunk of input) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    chunks.push(buffer);
    held += buffer.length;
    if (held > 2 * keep) {
      const joined = Buffer.concat(chunks);
      chunks = [joined.subarray(joined.length - keep)];
      held = keep;
    }
  }
  const joined = Buffer.concat(chunks);
  return { tail: joined.subarray(Math.max(0, joined.length - keep)), length };
}

/** The entries of a zip's central directory, or WorkbookRefused when the bytes are not a (whole) zip archive. */
export async function readZipDirectory(open: () => Readable, fileName: string): Promise<ZipEntry[]> {
  const { tail, length } = await readTail(open(), MAX_DIRECTORY_BYTES + 22 + 65_535);
  const notZip = (why: string) =>
    new WorkbookRefused("unsupported", `${fileName} is not an XLSX workbook: ${why}. Save it from Excel as .xlsx, or send a CSV file`);
  if (length < 22) throw notZip(length === 0 ? "the file is empty" : "it is too short to be a zip archive");
  let end = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65_535); i -= 1) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end === -1) {
    const zipStart = length === tail.length && tail.readUInt32LE(0) === LOCAL;
    throw notZip(zipStart ? "the zip archive is incomplete (truncated or damaged)" : "it is not a zip archive");
  }
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new WorkbookRefused("limit", `${fileName} is a ZIP64 archive: a workbook that large cannot be imported; send the data as CSV`);
  }
  if (count > MAX_ENTRIES || directorySize > MAX_DIRECTORY_BYTES) {
    throw notZip(`it holds ${count} members, far more than a workbook`);
  }
  const start = end - directorySize;
  if (start < 0 || directoryOffset + directorySize !== length - tail.length + end) {
    throw notZip("its directory does not match its length (truncated or damaged?)");
  }
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || tail.readUInt32LE(at) !== CENTRAL) throw notZip("its directory is damaged");
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const commentLength = tail.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) throw notZip("its directory is damaged");
    const entry: ZipEntry = {
      method: tail.readUInt16LE(at + 10),
      crc: tail.readUInt32LE(at + 16),
      compressedSize: tail.readUInt32LE(at + 20),
      size: tail.readUInt32LE(at + 24),
      offset: tail.readUInt32LE(at + 42),
      name: tail.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) {
      throw new WorkbookRefused("limit", `${fileName} holds a ZIP64 member (${entry.name}): too large to import; send the data as CSV`);
    }
    if (entry.offset + 30 + entry.compressedSize > directoryOffset) throw notZip(`member ${entry.name} lies outside the archive`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks at most PEEK_BYTES of a deflated (or stored) member whose bytes start at `data`. */
function peek(data: Buffer, method: number): Promise<string> {
  if (method === 0) return Promise.resolve(data.subarray(0, PEEK_BYTES).toString("utf8"));
  if (method !== 8) return Promise.resolve("");
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    const parts: Buffer[] = [];
    let held = 0;
    const done = () => resolve(Buffer.concat(parts).toString("utf8"));
    inflate.on("data", (chunk: Buffer) => {
      parts.push(chunk);
      held += chunk.length;
      if (held >= PEEK_BYTES) {
        inflate.removeAllListeners("data");
        inflate.destroy();
        done();
      }
    });
    inflate.on("end", done);
    inflate.on("error", done);
    inflate.end(data);
  });
}

/** The first bytes of each wanted member, unpacked, read in one pass over the file. */
async function peekMembers(open: () => Readable, wanted: readonly ZipEntry[]): Promise<Map<string, string>> {
  // Each member's local header (30 bytes, its name and extra field) and the start of its data.
  const ranges = wanted.map((entry) => ({
    entry,
    start: entry.offset,
    end: entry.offset + 30 + 2 * 65_535 + Math.min(entry.compressedSize, PEEK_BYTES * 4),
    parts: [] as Buffer[],
  }));
  const last = Math.max(0, ...ranges.map((range) => range.end));
  let position = 0;
  const input = open();
  try {
    for await (const chunk of input) {
      const bytes = chunk as Buffer;
      const chunkEnd = position + bytes.length;
      for (const range of ranges) {
        if (range.end <= position || range.start >= chunkEnd) continue;
        range.parts.push(bytes.subarray(Math.max(0, range.start - position), Math.min(bytes.length, range.end - position)));
      }
      position = chunkEnd;
      if (position >= last) break;
    }
  } finally {
    input.destroy();
  }
  const found = new Map<string, string>();
  for (const { entry, parts } of ranges) {
    const local = Buffer.concat(parts);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) continue;
    const dataStart = 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = local.subarray(dataStart, dataStart + Math.min(entry.compressedSize, PEEK_BYTES * 4));
    found.set(entry.name, await peek(data, entry.method));
  }
  return found;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = (CRC_TABLE[(crc ^ bytes[i]!) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads exact byte counts from a stream, in order. */
class ByteReader {
  private held: Buffer = Buffer.alloc(0);
  position = 0;
  constructor(private readonly chunks: AsyncIterator<unknown>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.held.length < n) {
      const next = await this.chunks.next();
      if (next.done) return false;
      this.held = this.held.length ? Buffer.concat([this.held, next.value as Buffer]) : (next.value as Buffer);
    }
    return true;
  }

  /** Exactly n bytes, or undefined when the stream ends first. */
  async read(n: number): Promise<Buffer | undefined> {
    if (!(await this.fill(n))) return undefined;
    const out = this.held.subarray(0, n);
    this.held = this.held.subarray(n);
    this.position += n;
    return out;
  }

  async skipTo(offset: number): Promise<boolean> {
    while (this.position < offset) {
      if (!(await this.fill(1))) return false;
      const step = Math.min(this.held.length, offset - this.position);
      this.held = this.held.subarray(step);
      this.position += step;
    }
    return this.position === offset;
  }
}

/**
 * Reads every member the way a zip reader would and checks it against the directory: its local header,
 * its method (stored or deflated), its unpacked size and its CRC-32. A damaged workbook is refused here,
 * with the member named; ExcelJS's streaming reader can wait forever on one.
 */
async function verifyMembers(open: () => Readable, fileName: string, entries: readonly ZipEntry[]): Promise<void> {
  const damaged = (entry: ZipEntry, why: string) =>
    new WorkbookRefused(
      "unsupported",
      `${fileName} is a damaged XLSX workbook: member ${entry.name} ${why}. Save it again from Excel, or send a CSV file`,
    );
  const input = open();
  const reader = new ByteReader(input[Symbol.asyncIterator]());
  try {
    for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
      if (entry.method !== 0 && entry.method !== 8) throw damaged(entry, `is packed with method ${entry.method}, which XLSX does not use`);
      if (!(await reader.skipTo(entry.offset))) throw damaged(entry, "overlaps another member");
      const header = await reader.read(30);
      if (!header || header.readUInt32LE(0) !== LOCAL) throw damaged(entry, "has no local header where the directory says");
      const name = await reader.read(header.readUInt16LE(26));
      if (!name || name.toString("utf8") !== entry.name) throw damaged(entry, "has another name in its local header");
      if (!(await reader.read(header.readUInt16LE(28)))) throw damaged(entry, "is cut short");
      const data = await reader.read(entry.compressedSize);
      if (!data) throw damaged(entry, "is cut short");
      let unpacked: Buffer;
      try {
        unpacked = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
      } catch {
        throw damaged(entry, "cannot be unpacked");
      }
      if (unpacked.length !== entry.size) throw damaged(entry, `unpacks to ${unpacked.length} bytes, not the ${entry.size} it declares`);
      if (crc32(unpacked) !== entry.crc) throw damaged(entry, "fails its checksum");
    }
  } finally {
    input.destroy();
  }
}

/** The last row a worksheet's <dimension ref="A1:M2000"/> declares, if it has one. */
export function declaredRows(xml: string): number | undefined {
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(xml);
  return match?.[1] ? Number(match[1]) : undefined;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks an XLSX file before it is read: a zip archive, holding a workbook, unpacking to at most
 * `limits.unpackedBytes`, no sheet declaring more than `limits.sheetRows` rows. Throws WorkbookRefused.
 */
export async function inspectWorkbook(open: () => Readable, fileName: string, limits: WorkbookLimits): Promise<void> {
  const entries = await readZipDirectory(open, fileName);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has("xl/workbook.xml")) {
    throw new WorkbookRefused(
      "unsupported",
      `${fileName} is a zip archive but not an XLSX workbook (it has no xl/workbook.xml). Save it from Excel as .xlsx, or send a CSV file`,
    );
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (unpacked > limits.unpackedBytes) {
    throw new WorkbookRefused(
      "limit",
      `${fileName} unpacks to ${mb(unpacked)}, more than this server reads from one workbook (${mb(limits.unpackedBytes)}; FTZ_IMPORT_MAX_UNPACKED_BYTES). Send the data as CSV`,
    );
  }
  const sheets = entries.filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name));
  if (sheets.length > MAX_SHEETS) {
    throw new WorkbookRefused(
      "unsupported",
      `${fileName} holds ${sheets.length} worksheets; a data package has one per table (${MAX_SHEETS} at most)`,
    );
  }
  const heads = await peekMembers(open, sheets);
  for (const sheet of sheets) {
    const rows = declaredRows(heads.get(sheet.name) ?? "");
    if (rows !== undefined && rows > limits.sheetRows) {
      throw new WorkbookRefused(
        "limit",
        `${fileName}: ${sheet.name.replace(/^xl\/worksheets\//, "")} declares ${rows.toLocaleString("en")} rows, more than this server reads from one sheet (${limits.sheetRows.toLocaleString("en")}; FTZ_IMPORT_MAX_SHEET_ROWS). Send the data as CSV`,
      );
    }
  }
  // Last, as it reads the whole file: cheaper refusals first.
  await verifyMembers(open, fileName, entries);
}
