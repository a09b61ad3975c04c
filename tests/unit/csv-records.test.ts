import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvRecords, parsedRecords } from "@/lib/import/csv-records";

/** The bytes in pieces of the given sizes (cycled), as a file is read from disk or a socket. */
function pieces(bytes: Buffer, sizes: readonly number[]): () => Readable {
  return () => {
    const parts: Buffer[] = [];
    for (let i = 0, k = 0; i < bytes.length; k += 1) {
      const size = sizes[k % sizes.length] ?? 1;
      parts.push(bytes.subarray(i, i + size));
      i += size;
    }
    return Readable.from(parts);
  };
}

type Outcome = { records: string[][]; error?: string };

/**
 * The same records and the same error. csv-parse, as a stream, drops the records of the chunk in which it
 * fails; the tokenizer gives them before the error, so csv-parse's records must be where ours begin.
 */
function expectSame(got: Outcome, expected: Outcome, text: string): void {
  expect({ text, error: got.error }).toEqual({ text, error: expected.error });
  if (expected.error === undefined) expect({ text, records: got.records }).toEqual({ text, records: expected.records });
  else expect({ text, records: got.records.slice(0, expected.records.length) }).toEqual({ text, records: expected.records });
}

async function collect(records: AsyncIterable<string[]>): Promise<Outcome> {
  const out: string[][] = [];
  try {
    for await (const record of records) out.push(record);
  } catch (error) {
    return { records: out, error: error instanceof Error ? error.message : String(error) };
  }
  return { records: out };
}

/** What the importer read before the tokenizer: the decoded text through csv-parse, in the same pieces. */
function byCsvParse(text: string, sizes: readonly number[] = [1 << 16]): Promise<Outcome> {
  return collect(parsedRecords(pieces(Buffer.from(text), sizes)));
}

// A seeded generator, so that a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const PARTS = ["a", "合肥", "12.5", "", ",", ",", '"', '""', '"x,y"', '"two\nlines"', "\n", "\n", "\r\n", "\r", " ", "\uFEFF", "é"];

function randomCsv(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = "";
  for (let i = 0; i < length; i += 1) text += PARTS[Math.floor(next() * PARTS.length)];
  return text;
}

describe("csvRecords", () => {
  it("reads well-formed files as csv-parse does: quotes, quoted line breaks, empty lines and cells, CRLF, a BOM", async () => {
    const cases = [
      'zone,value\nanhui-ftz,"1,5"\n\n"say ""hi""",\n',
      'zone,value\r\nanhui-ftz,"two\r\nlines"\r\nlast,1',
      "\uFEFFzone,value\n合肥,5406.4\n",
      'a,b\n"",""\n,\n',
    ];
    for (const text of cases) {
      const expected = await byCsvParse(text);
      expect(expected.error).toBeUndefined();
      for (const sizes of [[1], [2, 3], [7], [1 << 16]]) {
        expect(await byCsvParse(text, sizes)).toEqual(expected);
        expect(await collect(csvRecords(pieces(Buffer.from(text), sizes)))).toEqual(expected);
      }
    }
    expect((await byCsvParse(cases[0]!)).records).toEqual([["zone", "value"], ["anhui-ftz", "1,5"], [""], ['say "hi"', ""]]);
  });

  it("gives csv-parse's records and error for what it does not take: mixed line endings, stray and unclosed quotes", async () => {
    const cases = [
      "zone,value\r\nanhui,1\nzhejiang,2\r\n",
      "zone,value\nanhui,1\r\nzhejiang,2\n",
      "zone,value\ranhui,1\r",
      'zone,value\nanhui,1"5\n',
      'zone,value\nanhui,"1"5\n',
      'zone,value\nanhui,"15\n',
    ];
    for (const text of cases) {
      for (const sizes of [[1], [3, 5], [1 << 16]]) {
        const expected = await byCsvParse(text, sizes);
        expectSame(await collect(csvRecords(pieces(Buffer.from(text), sizes))), expected, text);
      }
    }
    expect((await byCsvParse(cases[3]!)).error).toMatch(/Invalid Opening Quote/);
  });

  it("agrees with csv-parse on 3,000 generated texts, read in pieces of every size", async () => {
    const next = random(18);
    for (let n = 0; n < 3_000; n += 1) {
      const text = randomCsv(next);
      const sizes = [1 + Math.floor(next() * 9), 1 + Math.floor(next() * 30)];
      const expected = await byCsvParse(text, sizes);
      const got = await collect(csvRecords(pieces(Buffer.from(text), sizes)));
      expectSame(got, expected, text);
    }
  }, 30_000);
});
