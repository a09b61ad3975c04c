// npm run bench:extract -- FILE [--verbose]: the figure finder against hand-labelled passages (JSONL in the shape
// of ../shared/extraction/passages.jsonl). The catalog comes from the seed packages' CSVs (and ../shared/data*
// where present), no database needed. Prints precision, recall, qualifier and yoy accuracy, by language, and
// the time per passage.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildLexicon, extractFigures } from "../lib/extract/index.ts";
import { catalogFromFolders, packageFolders } from "../lib/extract/catalog-files.ts";
import { parsePublished, type Published } from "../lib/validation/extract.ts";
import { scorePassage, totals, type LabelledPassage, type PassageScore, type Totals } from "../lib/extract/score.ts";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run bench:extract -- FILE.jsonl [--verbose]");
  process.exit(2);
}

// Codes the extraction README defines beside the packages' (its "Codes" section).
const README_ZONES = [
  {
    code: "shanghai-ftz-bonded",
    name_en: "Bonded Area",
    name_zh: "保税区片区",
    kind: "area",
    parent: "shanghai-ftz",
    aliases: "保税区域;保税区片区（保税区域）;Bonded Area",
  },
  {
    code: "shanghai-port-yangshan-waigaoqiao",
    name_en: "Shanghai Port – Yangshan and Waigaoqiao port areas",
    name_zh: "上海港洋山港区和外高桥港区",
    kind: "port",
    parent: "shanghai-port",
    aliases: "洋山港和外高桥港区",
  },
];
const catalog = catalogFromFolders(
  [...packageFolders(path.resolve(root, "../shared"), "data"), ...packageFolders(path.join(root, "prisma/seed"))],
  README_ZONES,
);
const lexicon = Object.assign(buildLexicon(catalog), { events: catalog.events });
const launch = new Map(catalog.zones.map((z) => [z.code, z.establishedOn]));
const launchOf = (zone: string) => launch.get(zone) ?? null;

const passages = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPassage);

const scores: PassageScore[] = [];
const lenient: PassageScore[] = [];
let elapsed = 0;
for (const passage of passages) {
  const { publishedOn, publishedPrecision } = publicationDate(passage.published_date);
  const started = performance.now();
  const { candidates } = extractFigures(
    passage.text,
    { title: passage.source_title, url: passage.source_url ?? null, publishedOn, publishedPrecision },
    lexicon,
  );
  elapsed += performance.now() - started;
  const score = scorePassage(passage, candidates, launchOf);
  scores.push(score);
  lenient.push(scorePassage(passage, candidates, launchOf, 3));
  if (verbose && (score.misses.length || score.wrong.length || score.offs.length)) {
    console.log(`\n${passage.id} (${passage.lang}, ${publishedOn})`);
    for (const m of score.misses)
      console.log(`  missed  ${m.zone} ${m.indicator} ${m.period} ${m.basis} ${m.value_base} ${m.qualifier} | ${m.quote ?? ""}`);
    for (const o of score.offs)
      console.log(
        `  off     ${o.figure.zone} ${o.figure.indicator} ${o.figure.period}: qualifier ${o.figure.qualifier} (label ${o.qualifier}), yoy ${o.figure.yoyPct} (label ${o.yoyPct})`,
      );
    for (const w of score.wrong)
      console.log(`  wrong   ${w.zone} ${w.indicator} ${w.period} ${w.basis} ${w.valueBase} ${w.qualifier} | ${w.quote ?? ""}`);
  }
}

/** `2023`, `2024-04 (…)`, `2021-02-04 (from URL path)`: the date the field starts with, read as POST /api/extract reads it. */
function publicationDate(text: string): Published {
  const start = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(text.trim())?.[0];
  // A passage with no date at all (two of the corpus): read as of this year, as a reader of the page today would.
  if (start === undefined) return { publishedOn: `${new Date().getUTCFullYear()}-12-31`, publishedPrecision: "year" };
  const published = parsePublished(start);
  if (!published) throw new Error(`published_date '${text}' starts with no real date`);
  return published;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (label: string, t: Totals) =>
  `${label.padEnd(8)} passages ${String(t.passages).padStart(3)}  recall ${pct(t.recall).padStart(6)} (${t.matched}/${t.scored})  precision ${pct(t.precision).padStart(6)} (${t.correct}/${t.counted})  qualifier ${pct(t.qualifierAccuracy).padStart(6)}  yoy ${pct(t.yoyAccuracy).padStart(6)}`;
console.log(line("all", totals(scores)));
for (const lang of [...new Set(scores.map((s) => s.lang))].sort()) console.log(line(lang, totals(scores.filter((s) => s.lang === lang))));
console.log(`${line("±3 days", totals(lenient))}  (info only: totals "as of" up to 3 days off the label's end)`);
console.log(
  `time     ${(elapsed / Math.max(1, passages.length)).toFixed(2)} ms per passage (${passages.length} passages, lexicon built once)`,
);
