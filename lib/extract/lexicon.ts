// Names of zones and indicators as texts write them. The lexicon lives with the data: every zone's and
// indicator's names and `aliases` (the packages' aliases columns), plus the regular forms of a zone's name
// that Chinese and English releases use (安徽自贸试验区, 安徽自贸区, the Anhui FTZ, Wuhu sub-zone, Port of X).
import type { ExtractCatalog, ExtractIndicator, ExtractZone, Span } from "./types.ts";
import { prepareText } from "./text.ts";

export type NameMention = { code: string; span: Span; anaphora?: "zone" | "ftz" | "area" | "port" | "province" };

type Matcher = { index: Map<string, Form[]>; caseless: boolean };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (text: string) =>
  prepareText(text)
    .toLowerCase()
    .replace(/[\s\-–&'’]+/g, " ")
    .trim();

/**
 * A name as a pattern: spaces, hyphens and ampersands interchangeable, Latin letters case-insensitive; a count inside
 * a name stands for any count ("China's 12 pilot free trade zones" names them when there are 21 too).
 */
function namePattern(name: string): string {
  const parts = prepareText(name)
    .trim()
    .split(/[\s\-–&]+/)
    .filter(Boolean)
    .map((part, i) => (i > 0 && /^\d+$/.test(part) ? "\\d+" : escape(part)));
  return parts.join("[\\s\\-–&]*");
}

function stripParens(name: string): string {
  return prepareText(name)
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .trim();
}

/** The place word of an FTZ's name: 安徽 in 中国（安徽）自由贸易试验区, Anhui in China (Anhui) Pilot Free Trade Zone. */
function placeOf(name: string): string | undefined {
  return /\(([^)]+)\)/.exec(prepareText(name))?.[1];
}

export function zoneForms(zone: ExtractZone): string[] {
  // "China" and 中国 stand in every name (China (Anhui) FTZ, 中国首创): the country is found by its aliases only.
  if (zone.kind === "country") return [...zone.aliases];
  const forms = new Set<string>([zone.nameEn, ...(zone.nameZh ? [zone.nameZh] : []), ...zone.aliases]);
  const en = stripParens(zone.nameEn);
  if (en !== zone.nameEn) forms.add(en);
  if (zone.kind === "ftz") {
    const zh = zone.nameZh ? placeOf(zone.nameZh) : undefined;
    const place = placeOf(zone.nameEn);
    if (zh) for (const suffix of ["自由贸易试验区", "自贸试验区", "自贸区", "自由贸易区", "自贸实验区"]) forms.add(zh + suffix);
    if (place) {
      for (const suffix of [
        "Pilot Free Trade Zone",
        "Free Trade Pilot Zone",
        "Free Trade Zone",
        "Pilot FTZ",
        "FTZ",
        "Free Trade Experimental Zone",
        "pilot free-trade zone",
      ]) {
        forms.add(`${place} ${suffix}`);
      }
      forms.add(`China (${place}) Pilot Free Trade Zone`);
      forms.add(`China (${place}) Pilot FTZ`);
    }
  }
  if (zone.kind === "area") {
    const base = en.replace(/\s+Area$/i, "");
    if (base !== en) for (const suffix of ["area", "sub-zone", "subzone", "sub-area", "Area"]) forms.add(`${base} ${suffix}`);
    if (base !== en && /^[A-Z][a-z]+$/.test(base)) forms.add(`${base}\u0000bare`);
  }
  if (zone.kind === "province" || zone.kind === "city") {
    forms.add(en.replace(/\s+(Province|Municipality|City|Zhuang Autonomous Region|Uygur Autonomous Region|Autonomous Region)$/i, ""));
    if (zone.nameZh) {
      const short = zone.nameZh.replace(/(省|市|壮族自治区|维吾尔自治区|回族自治区|自治区)$/, "");
      if (short.length >= 2) forms.add(short);
    }
  }
  if (zone.kind === "port") {
    const m = /^(.+?)\s+Port$/i.exec(en);
    if (m) {
      forms.add(`Port of ${m[1]}`);
      forms.add(`${m[1]} port`);
    }
  }
  return [...forms].filter((form) => form.trim().length >= 2);
}

/** Bare place names of areas (Urumqi, Kashgar) count only where no other zone is called so. */
function settleBareNames(entries: { code: string; forms: string[] }[]): {
  named: { code: string; forms: string[] }[];
  bare: { code: string; forms: string[] }[];
} {
  const taken = new Set(entries.flatMap((e) => e.forms.filter((f) => !f.endsWith("\u0000bare")).map(key)));
  return {
    named: entries.map((e) => ({ code: e.code, forms: e.forms.filter((f) => !f.endsWith("\u0000bare")) })),
    bare: entries.map((e) => ({
      code: e.code,
      forms: e.forms.filter((f) => f.endsWith("\u0000bare") && !taken.has(key(f.slice(0, -5)))).map((f) => f.slice(0, -5)),
    })),
  };
}

type Form = { re: RegExp; codes: string[]; length: number };

/**
 * Names indexed by their first two characters: at each position only the names that can start there are tried,
 * longest first (one alternation of a thousand names took most of the finder's time).
 */
function buildMatcher(entries: readonly { code: string; forms: readonly string[] }[], flags = "gi"): Matcher {
  const caseless = flags.includes("i");
  const byKey = new Map<string, { pattern: string; codes: string[]; length: number }>();
  for (const { code, forms } of entries) {
    for (const form of forms) {
      const k = caseless ? key(form) : prepareText(form).trim();
      if (k.length < 2) continue;
      const entry = byKey.get(k) ?? { pattern: namePattern(form), codes: [], length: k.length };
      if (!entry.codes.includes(code)) entry.codes.push(code);
      byKey.set(k, entry);
    }
  }
  const index = new Map<string, Form[]>();
  for (const [k, { pattern, codes, length }] of byKey) {
    const tail = /[A-Za-z]$/.test(pattern) ? "(?![a-z])" : "";
    const form: Form = { re: new RegExp(pattern + tail, caseless ? "iy" : "y"), codes, length };
    const head = k.slice(0, 2);
    index.set(head, [...(index.get(head) ?? []), form]);
  }
  for (const forms of index.values()) forms.sort((a, b) => b.length - a.length);
  return { index, caseless };
}

/** A name found in a text; `part` when it names a part of the indicator ("trade volume with Russia"). */
export type Found = { codes: string[]; span: Span; part?: boolean };

function scan(matcher: Matcher, text: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < text.length - 1) {
    const pair = text.slice(i, i + 2);
    const forms = matcher.index.get(matcher.caseless ? pair.toLowerCase() : pair);
    // Latin names start on a word boundary; Chinese ones may sit anywhere.
    if (!forms || (/[A-Za-z]/.test(text[i]!) && /[A-Za-z]/.test(text[i - 1] ?? ""))) {
      i++;
      continue;
    }
    let found: { codes: string[]; end: number } | null = null;
    for (const form of forms) {
      form.re.lastIndex = i;
      const m = form.re.exec(text);
      if (m) {
        found = { codes: form.codes, end: i + m[0].length };
        break;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    // "foreign trade firms", "trade volume with Russia": the name qualifies something else, or a part of it.
    const latin = /[a-z]$/i.test(text.slice(i, found.end));
    const after = text.slice(found.end, found.end + 16);
    const named = text.slice(i, found.end);
    // 进出口企业, 外贸公司: a trade word naming a kind of firm; "trade volume of oil products": a part of the whole.
    const qualifies = latin
      ? /^\s(?:firms|enterprises|companies|entities)/.test(after)
      : !/(?:企业|公司|主体)$/.test(named) && /^(?:企业|公司|主体)/.test(after);
    // 对俄进出口, 对东盟出口: the trade with one partner, as "trade volume with Russia" (not 对外贸易).
    const part = latin
      ? /^\s(?:with|to|from)\s[A-Z]/.test(after) || /^\s(?:of|in)\s(?:[a-z]+\s)?(?:products|goods|commodities)\b/.test(after)
      : /(?<![针面相绝应])对(?!外)[\u4e00-\u9fff“”"]{1,8}$/.test(text.slice(Math.max(0, i - 10), i));
    if (!qualifies) out.push({ codes: found.codes, span: { start: i, end: found.end }, ...(part ? { part } : {}) });
    i = found.end;
  }
  return out;
}

const ANAPHORA: readonly [RegExp, NonNullable<NameMention["anaphora"]>][] = [
  [/该片区|片区|(?:the|this|each)\s(?:sub-?zone|area)(?![a-z])/gi, "area"],
  [/该区|区内|(?:the|this|its)\szones?(?:'s)?(?![a-z])/gi, "zone"],
  [
    /自贸区|自贸试验区|自由贸易试验区|(?:the|this|its|[a-z]+'s|northernmost|southernmost|westernmost|easternmost)\s(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s)?(?:pilot\s)?(?:free[\s-]trades?\s(?:pilot\s|experimental\s)?zones?|FTZs?)(?:'s)?(?![a-z])/gi,
    "ftz",
  ],
  [/(?:the|this)\sport(?:'s)?(?![a-z])/gi, "port"],
  [/我省|全省上下|(?:the|this)\sprovince(?!'s)(?![a-z])/gi, "province"],
];

const FUNCTION_WORDS = new Set(
  "The This That These Those Its In At Of For And Or By With From To On A An Both Each Our Their His Her Meanwhile Also While As Since Besides Moreover Now Then However Among Including Like Such".split(
    " ",
  ),
);

/** "the Xi'an High-Tech Comprehensive Bonded Area": a name that ends a longer proper name is not that zone's. */
function insideLongerName(text: string, span: Span, named: readonly Found[]): boolean {
  if (!/^[A-Z]/.test(text[span.start] ?? "")) return false;
  const word = /(?:^|[^A-Za-z'’-])([A-Z][a-z'’-]+)\s$/.exec(text.slice(Math.max(0, span.start - 30), span.start));
  // "China's Liaoning Province": a possessive is no part of the name.
  if (!word || FUNCTION_WORDS.has(word[1]!) || /['’]s$/.test(word[1]!)) return false;
  const wordStart = span.start - word[1]!.length - 1;
  return !named.some((n) => n.span.start <= wordStart && n.span.end > wordStart);
}

/**
 * 中石化、上海卓然、扑浪科技等一批项目: a later item of a list (after 、, up to the next 、 or 等) that starts with a
 * province's or city's name and goes on is a firm's name, not the place (上海、天津等 and 、上海自贸区 are places).
 */
function firmInList(text: string, span: Span, named: readonly Found[]): boolean {
  if (text[span.start - 1] !== "、") return false;
  const rest = /^[\u4e00-\u9fff]{1,6}?(?=[、等])/.exec(text.slice(span.end, span.end + 8));
  if (!rest || /^(?:片区|自贸|港|市|省|区|地区|两地|及|和|与)/.test(rest[0])) return false;
  return !named.some((n) => n.span.start >= span.end && n.span.start < span.end + rest[0].length);
}

export type Lexicon = {
  zones: Map<string, ExtractZone>;
  indicators: Map<string, ExtractIndicator>;
  findZones: (text: string) => NameMention[];
  findIndicators: (text: string) => Found[];
};

export function buildLexicon(catalog: ExtractCatalog): Lexicon {
  const zones = new Map(catalog.zones.map((z) => [z.code, z]));
  const indicators = new Map(catalog.indicators.map((i) => [i.code, i]));
  const settled = settleBareNames(catalog.zones.map((zone) => ({ code: zone.code, forms: zoneForms(zone) })));
  const zoneMatcher = buildMatcher(settled.named);
  // A bare place name (Urumqi, Kashgar) only as a capitalised word: "bonded" is no Bonded Area.
  const bareMatcher = buildMatcher(settled.bare, "g");
  const indicatorMatcher = buildMatcher(
    catalog.indicators.map((indicator) => ({
      code: indicator.code,
      forms: [stripParens(indicator.nameEn), ...(indicator.nameZh ? [stripParens(indicator.nameZh)] : []), ...indicator.aliases],
    })),
  );
  return {
    zones,
    indicators,
    findZones(text) {
      const named = scan(zoneMatcher, text);
      for (const bare of scan(bareMatcher, text)) {
        if (!named.some((n) => bare.span.start < n.span.end && n.span.start < bare.span.end)) named.push(bare);
      }
      named.sort((a, b) => a.span.start - b.span.start);
      const mentions: NameMention[] = [];
      for (const { codes, span } of named) {
        if (insideLongerName(text, span, named)) continue;
        const place = [...codes].every((c) => ["province", "city"].includes(zones.get(c)!.kind));
        if (place && firmInList(text, span, named)) continue;
        // One spelling, several zones (a city and its province share a short name): prefer the larger kind.
        const order = ["ftz", "area", "port", "province", "city", "group", "country"];
        const code = [...codes].sort((a, b) => order.indexOf(zones.get(a)!.kind) - order.indexOf(zones.get(b)!.kind))[0]!;
        mentions.push({ code, span });
      }
      const covered = (s: Span) => mentions.some((m) => s.start < m.span.end && m.span.start < s.end);
      for (const [re, anaphora] of ANAPHORA) {
        for (const m of text.matchAll(re)) {
          const span = { start: m.index, end: m.index + m[0].length };
          if (!covered(span)) mentions.push({ code: "", span, anaphora });
        }
      }
      return mentions.sort((a, b) => a.span.start - b.span.start);
    },
    findIndicators: (text) => scan(indicatorMatcher, text),
  };
}
