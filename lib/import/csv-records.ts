// The records of a CSV file, as arrays of cell texts. Nearly every package is well-formed CSV with one
// kind of line ending; those are read by a tokenizer over the decoded text, which costs a small part of
// what csv-parse does (no byte buffers, no per-character state machine). Anything it is not sure of —
// a line ending of another kind, a quote inside an unquoted cell or after a closing quote, a quote not
// closed, a record larger than a few MB — hands the file to csv-parse from that record on: the file is
// read again from the start and the records already given are skipped, so the records and the error
// messages are exactly csv-parse's.
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { parse as parseCsv } from "csv-parse";

/**
 * Decodes bytes to UTF-8 text, choosing the encoding at the first non-ASCII byte: valid UTF-8 stays
 * UTF-8, anything else is read as GB18030. ASCII before that point reads the same either way.
 */
class EncodingSniffer extends Transform {
  private decoder: TextDecoder | undefined;
  private pending: Buffer = Buffer.alloc(0);
  /** Whether text went out already: a byte order mark is one only at the very start. */
  private begun = false;

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      if (!this.decoder) {
        const bytes = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
        if (firstHigh === -1) {
          this.pending = Buffer.alloc(0);
          this.pushText(bytes.toString("latin1"), callback);
          return;
        }
        // Need a few bytes after the first high byte to judge a multi-byte sequence.
        if (bytes.length - firstHigh < 4 && chunk.length > 0) {
          this.pending = bytes;
          callback();
          return;
        }
        const probe = bytes.subarray(firstHigh, Math.min(bytes.length, firstHigh + 64 * 1024));
        this.decoder = new TextDecoder(isUtf8Prefix(probe) ? "utf-8" : "gb18030", { fatal: true, ignoreBOM: this.begun });
        this.pending = Buffer.alloc(0);
        this.pushText(this.decoder.decode(bytes, { stream: true }), callback);
        return;
      }
      this.pushText(this.decoder.decode(chunk, { stream: true }), callback);
    } catch {
      callback(new Error("The file is neither UTF-8 nor GB18030 text: save it as CSV UTF-8 (or as CSV from Chinese Excel)"));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.decoder) {
        if (this.pending.length) this.decoder = new TextDecoder(isUtf8Prefix(this.pending) ? "utf-8" : "gb18030", { fatal: true });
        this.pushText(this.decoder ? this.decoder.decode(this.pending) : "", callback);
        return;
      }
      this.pushText(this.decoder.decode(), callback);
    } catch {
      callback(new Error("The file ends in the middle of a character: it is neither UTF-8 nor GB18030 text"));
    }
  }

  /** Passes text on (nothing when there is none yet). */
  private pushText(text: string, callback: TransformCallback): void {
    if (text.length) {
      this.begun = true;
      callback(null, text);
    } else callback();
  }
}

/** Whether bytes are valid UTF-8, ignoring a sequence cut off at the end. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The text of a file, decoded; a read error of the bytes ends it with that error. */
function decoded(open: () => Readable): { text: Transform; input: Readable } {
  const input = open();
  const text = new EncodingSniffer();
  input.on("error", (error) => text.destroy(error));
  input.pipe(text);
  return { text, input };
}

/** The records as csv-parse gives them (the options every package has been read with). Exported for tests. */
export function parsedRecords(open: () => Readable): AsyncIterable<string[]> {
  const parser = parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false });
  const { text } = decoded(open);
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  return parser;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** A record longer than this (in UTF-16 units) is left to csv-parse, which reads it as it always did. */
const MAX_PENDING = 4 * 1024 * 1024;

/** What parsing the text at a position came to. */
const MORE = 0; // the record goes on in the next chunk
const UNSURE = -1; // csv-parse decides from here

/**
 * A tokenizer for strict CSV: comma-separated, `"` quotes with `""` inside, and records ended by the
 * first line ending seen outside quotes (CRLF or LF; a file whose first ending is a lone CR is left to
 * csv-parse). It takes the line ending the way csv-parse does, for the whole file.
 */
class StrictCsv {
  private ending: "" | "\n" | "\r\n" = "";
  private pending = "";
  private started = false;
  /** Records given so far. */
  count = 0;

  /**
   * The complete records in `chunk` (with what was left of the last one), and whether the tokenizer
   * gave up at the record after them (`unsure`); `end` when no text follows.
   */
  feed(chunk: string, end: boolean): { records: string[][]; unsure: boolean } {
    let text = this.pending + chunk;
    if (!this.started && text.length) {
      this.started = true;
      // csv-parse skips a UTF-8 byte order mark (TextDecoder already dropped it from UTF-8 files).
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: string[][] = [];
    let start = 0;
    while (start < text.length) {
      const fields: string[] = [];
      const next = this.record(text, start, end, fields);
      if (next === UNSURE) return this.stop(records, true);
      if (next === MORE) {
        if (text.length - start > MAX_PENDING) return this.stop(records, true);
        this.pending = text.slice(start);
        return this.stop(records, false);
      }
      records.push(fields);
      start = next;
    }
    this.pending = "";
    return this.stop(records, false);
  }

  private stop(records: string[][], unsure: boolean): { records: string[][]; unsure: boolean } {
    this.count += records.length;
    return { records, unsure };
  }

  /** Reads the record at `start` into `fields`: the position after it, MORE or UNSURE. */
  private record(text: string, start: number, end: boolean, fields: string[]): number {
    const length = text.length;
    let i = start;
    for (;;) {
      if (i < length && text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return end ? UNSURE : MORE;
          if (quote + 1 >= length) {
            if (!end) return MORE;
            value += text.slice(from, quote);
            i = quote + 1;
            break;
          }
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          i = quote + 1;
          break;
        }
        fields.push(value);
        if (i >= length) return i;
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i += 1;
          continue;
        }
        if (c !== CR && c !== LF) return UNSURE;
        const ending = this.lineEnding(text, i, end);
        return ending > 0 ? i + ending : ending;
      }
      let j = i;
      let c = 0;
      for (; j < length; j += 1) {
        c = text.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF || c === QUOTE) break;
      }
      if (j >= length) {
        if (!end) return MORE;
        fields.push(text.slice(i, j));
        return j;
      }
      if (c === QUOTE) return UNSURE;
      fields.push(text.slice(i, j));
      if (c === COMMA) {
        i = j + 1;
        continue;
      }
      const ending = this.lineEnding(text, j, end);
      return ending > 0 ? j + ending : ending;
    }
  }

  /** The length of the line ending at `i` (a CR or LF), found on the first one; MORE or UNSURE. */
  private lineEnding(text: string, i: number, end: boolean): number {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (i + 1 >= text.length) return end ? UNSURE : MORE;
      if (text.charCodeAt(i + 1) !== LF || this.ending === "\n") return UNSURE;
      this.ending = "\r\n";
      return 2;
    }
    if (this.ending === "\r\n") return UNSURE;
    this.ending = "\n";
    return 1;
  }
}

/**
 * A copy of a string that holds nothing of the text it was cut from. A cell is a slice of its chunk of
 * the file, and V8 keeps the whole chunk alive as long as the slice lives: what outlives its row (a memo's
 * key, a source kept for the import) must be copied, or every chunk that gave one would stay in memory.
 */
export function detached(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

/** The records of a CSV file; `open` gives its bytes (it is called again when csv-parse takes over). */
export async function* csvRecords(open: () => Readable): AsyncIterable<string[]> {
  for await (const batch of csvRecordBatches(open)) yield* batch;
}

// Records per batch where csv-parse reads the file (the tokenizer gives one batch per chunk of text).
const PARSED_BATCH = 1_000;

/**
 * The records of a CSV file in batches, one per chunk of text: a large file's rows go to the importer
 * without a promise per row. `open` gives its bytes (it is called again when csv-parse takes over).
 */
export async function* csvRecordBatches(open: () => Readable): AsyncIterable<string[][]> {
  const strict = new StrictCsv();
  const { text, input } = decoded(open);
  let unsure = false;
  try {
    for await (const chunk of text) {
      const fed = strict.feed(chunk as string, false);
      if (fed.records.length) yield fed.records;
      if (fed.unsure) {
        unsure = true;
        break;
      }
    }
    if (!unsure) {
      const fed = strict.feed("", true);
      if (fed.records.length) yield fed.records;
      unsure = fed.unsure;
    }
  } finally {
    input.destroy();
    text.destroy();
  }
  if (!unsure) return;
  let skip = strict.count;
  let batch: string[][] = [];
  for await (const record of parsedRecords(open)) {
    if (skip > 0) skip -= 1;
    else batch.push(record as string[]);
    if (batch.length >= PARSED_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
