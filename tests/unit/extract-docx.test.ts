import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { docxText, documentXmlText } from "@/lib/extract/docx";

/** A zip archive of the entries, stored or deflated (no CRC: the reader does not check it). */
function zip(entries: { name: string; data: string; deflate: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.data);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, eocd]));
}

const XML =
  '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>安徽自贸试验区已形成236项制度创新成果。</w:t></w:r></w:p>' +
  "<w:p><w:r><w:t>Trade &amp; investment:</w:t><w:tab/><w:t>292.2 billion yuan</w:t></w:r></w:p></w:body></w:document>";

describe("docx text", () => {
  it("reads the paragraphs of word/document.xml, deflated or stored", async () => {
    for (const deflate of [true, false]) {
      const file = zip([
        { name: "[Content_Types].xml", data: "<Types/>", deflate },
        { name: "word/document.xml", data: XML, deflate },
      ]);
      await expect(docxText(file)).resolves.toBe("安徽自贸试验区已形成236项制度创新成果。\nTrade & investment:\t292.2 billion yuan");
    }
  });

  it("refuses what is not a Word document", async () => {
    await expect(docxText(zip([{ name: "a.txt", data: "x", deflate: false }]))).rejects.toThrow(/not a Word document/);
    await expect(docxText(new Uint8Array(40))).rejects.toThrow(/not a zip archive/);
  });

  it("turns breaks, tabs and entities into text", () => {
    expect(documentXmlText("<w:p><w:t>a</w:t><w:br/><w:t>&#x4E2D;&#22269;&lt;</w:t></w:p>")).toBe("a\n中国<");
  });
});
