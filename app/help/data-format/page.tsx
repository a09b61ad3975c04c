// The data package format (docs/DATA-FORMAT.md), rendered: the contract for imports, the API and the seed.
import fs from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import { marked } from "marked";

export const metadata: Metadata = { title: "Data format" };

export default async function DataFormatPage() {
  const markdown = await fs.promises.readFile(path.join(process.cwd(), "docs", "DATA-FORMAT.md"), "utf8");
  const html = await marked.parse(markdown, { gfm: true });
  return <article className="prose panel" dangerouslySetInnerHTML={{ __html: html }} />;
}
