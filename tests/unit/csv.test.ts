import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvStream, toCsv } from "@/lib/export/csv";

describe("csvCell", () => {
  it.each([
    [3857, "3857"],
    [-5.9, "-5.9"],
    [null, ""],
    [true, "true"],
    ["Hefei Area", "Hefei Area"],
    ["合肥片区", "合肥片区"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+86 551", "'+86 551"],
    ["-5.9% y/y", "'-5.9% y/y"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["=1,2", `"'=1,2"`],
  ])("%j → %j", (value, expected) => expect(csvCell(value)).toBe(expected));
});

describe("toCsv", () => {
  it("starts with a BOM and ends rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe(`${BOM}a,b\r\n1,x\r\n`);
  });
});

describe("csvStream", () => {
  it("streams the header, then each batch", async () => {
    async function* batches() {
      yield [[1, "a"]];
      yield [[2, "=b"]];
    }
    const bytes = new Uint8Array(await new Response(csvStream(["n", "s"], batches())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}n,s\r\n1,a\r\n2,'=b\r\n`);
  });
});
