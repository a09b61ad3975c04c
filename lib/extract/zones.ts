// Which zone a figure is of: the zone named in its clause, after it, earlier in the sentence or the text (the FTZ
// or area being talked about, not a place named in passing), "the zone"/该片区 resolved to the zone named before,
// the zone of a list the figure's list pairs with, the title's zone as the last resort. Pure.
import type { Lexicon, NameMention } from "./lexicon.ts";
import type { NumberMention } from "./numbers.ts";
import { prepareText, type Sentence } from "./text.ts";
import type { ExtractIndicator, ExtractSource, ExtractZone, Span } from "./types.ts";
import type { Context, Located } from "./context.ts";

const NAME_JOIN = /^\s?(?:,|、|和|及|与|and|,\s?and)\s?(?:the\s)?$/i;

/** The last run of names before `before`, joined by commas and "and" (Kashgar and Horgos; A, B and C). */
function nameList<T extends { span: Span }>(text: string, names: readonly T[], from: number, before: number): T[] {
  const candidates = names.filter((n) => n.span.start >= from && n.span.end <= before);
  const run: T[] = [];
  for (let i = candidates.length - 1; i >= 0; i--) {
    const name = candidates[i]!;
    if (run.length && !NAME_JOIN.test(text.slice(name.span.end, run[0]!.span.start))) break;
    run.unshift(name);
  }
  return run;
}

/** "Kashgar and Horgos occupy 28.48 and 16.58 square kilometers respectively": the i-th number goes with the i-th name. */
export function pairs(
  ctx: Context,
  mention: NumberMention,
  sentence: Sentence,
  inSentence: NumberMention[],
): Pick<Located, "pairedZone" | "pairedIndicator" | "pairedUnknown" | "listEnd"> {
  if (!mention.list) return {};
  const first = inSentence.find(
    (n) => n.list && n.span.start <= mention.span.start && n.list.index === 0 && mention.span.start - n.span.start < 200,
  );
  const listStart = first?.span.start ?? mention.span.start;
  const respectively = /respectively|分别/i.test(ctx.text.slice(sentence.start, sentence.end));
  const members = inSentence.filter((n) => n.list && n.span.start >= listStart && n.list.size === mention.list!.size);
  const out: Pick<Located, "pairedZone" | "pairedIndicator" | "pairedUnknown" | "listEnd"> = {
    listEnd: members.at(-1)?.span.end ?? mention.span.end,
  };
  const zones = nameList(
    ctx.text,
    ctx.zoneMentions.filter((z) => !z.anaphora),
    sentence.start,
    listStart,
  );
  if (zones.length === mention.list.size) out.pairedZone = zones[mention.list.index]!.code;
  else if (respectively && zones.length > 0 && zones.length < mention.list.size) {
    // "Ningbo&Zhoushan and Shenzhen ports … 10.94 million TEU and 9.1 million TEU respectively": the names after the
    // known zones are places the catalog does not hold; their numbers are theirs, not the last zone's.
    const rest = ctx.text.slice(zones.at(-1)!.span.end, listStart);
    const others = /^(?:\s?(?:,\s?and|,|and|&|、|和|与|及)\s?(?:the\s)?(?:[A-Z][a-z]+|[\u4e00-\u9fff]{2,4}(?=、|和|与|及|港|分别)))+/.exec(
      rest,
    );
    const extra = others
      ? [...others[0].matchAll(/[A-Z][a-z]+|[\u4e00-\u9fff]{2,4}/g)].filter((w) => !/^(?:and|the)$/i.test(w[0])).length
      : 0;
    if (zones.length + extra === mention.list.size) {
      if (mention.list.index < zones.length) out.pairedZone = zones[mention.list.index]!.code;
      else out.pairedUnknown = true;
    }
  }
  if (respectively) {
    // 进出口总额和出口额占全省比重分别为…: the share's own name (占全省比重) is the scope, not one of the list.
    const named = ctx.indicatorMentions.filter((m) => m.codes.some((c) => ctx.lexicon.indicators.get(c)?.unit !== "percent"));
    const indicators = nameList(ctx.text, named, sentence.start, listStart);
    if (indicators.length === mention.list.size) out.pairedIndicator = indicators[mention.list.index]!.codes[0];
  }
  return out;
}

export function titleZone(source: ExtractSource, lexicon: Lexicon): string | null {
  const mentions = lexicon.findZones(prepareText(source.title)).filter((m) => !m.anaphora);
  const kinds = ["area", "ftz", "port", "city", "province"];
  for (const kind of kinds) {
    const found = mentions.find((m) => lexicon.zones.get(m.code)?.kind === kind);
    if (found) return found.code;
  }
  return null;
}

/** "the zone", "该片区", "我省": the last zone of that kind named before, else the zone of the title. */
export function resolveAnaphora(mentions: NameMention[], lexicon: Lexicon, fromTitle: string | null): NameMention[] {
  const out: NameMention[] = [];
  const last: Partial<Record<string, string>> = {};
  const titleKind = fromTitle ? lexicon.zones.get(fromTitle)?.kind : undefined;
  if (fromTitle && titleKind) {
    last[titleKind] = fromTitle;
    const parent = lexicon.zones.get(fromTitle)?.parent;
    if (titleKind === "area" && parent) last.ftz = parent;
  }
  for (const mention of mentions) {
    if (!mention.anaphora) {
      const zone = lexicon.zones.get(mention.code)!;
      last[zone.kind] = zone.code;
      if (zone.kind === "ftz" || zone.kind === "group") last.zone = zone.code;
      if (zone.kind === "area") {
        last.area = zone.code;
        last.zone = zone.code;
      }
      out.push(mention);
      continue;
    }
    const ftzOf = (province: string | undefined) =>
      province ? [...lexicon.zones.values()].find((z) => z.kind === "ftz" && z.parent === province)?.code : undefined;
    const nextProvince = () =>
      mentions.find(
        (m) =>
          !m.anaphora &&
          m.span.start > mention.span.start &&
          m.span.start - mention.span.end < 120 &&
          lexicon.zones.get(m.code)?.kind === "province",
      )?.code;
    const parentOf = (code: string | undefined) => (code ? (lexicon.zones.get(code)?.parent ?? undefined) : undefined);
    // "the FTZ", "自贸区": the FTZ named before (or the one of the area or province named); "the zone": whichever zone.
    const ftz = () => last.ftz ?? last.group ?? parentOf(last.area) ?? ftzOf(last.province) ?? ftzOf(nextProvince());
    const target =
      mention.anaphora === "ftz"
        ? ftz()
        : mention.anaphora === "zone"
          ? (last.zone ?? ftz())
          : mention.anaphora === "area"
            ? (last.area ?? last.zone)
            : mention.anaphora === "port"
              ? last.port
              : last.province;
    if (target) out.push({ ...mention, code: target });
  }
  return out;
}

export function chooseZone(ctx: Context, located: Located, indicator: ExtractIndicator): { code: string; how: string } | null {
  const { mention, sentence, clause } = located;
  const wantsPort = indicator.code.startsWith("port_");
  const wantsZoneArea = /^area_/.test(indicator.code);
  const ok = (code: string) => {
    const zone = ctx.lexicon.zones.get(code);
    if (!zone) return false;
    // Planned areas are published for FTZs and their areas, not for the provinces their names contain.
    if (wantsZoneArea && !["ftz", "area", "group"].includes(zone.kind)) return false;
    return wantsPort ? true : zone.kind !== "port";
  };
  // "held in Shanghai", "a platform in Shanghai", "在上海": a province or city after a locative is where, not whose.
  const locative = (z: NameMention) =>
    !z.anaphora &&
    ["province", "city", "country"].includes(ctx.lexicon.zones.get(z.code)?.kind ?? "") &&
    (/(?:\b(?:in|at|to|with|of)\s(?:the\s)?(?:[A-Z][a-z]+\s)?(?:China's\s)?|[在赴到占])$/.test(
      ctx.text.slice(Math.max(0, z.span.start - 24), z.span.start),
    ) ||
      // 重庆市商务委, Zhoushan Customs: a body of the place speaks; the figures are of the zone it speaks of.
      /^\s?(?:商务委|商务厅|商务局|统计局|人民政府|政府|海关|发改委|市委|省委|Customs|Department|Commission|Bureau|government|municipal commission)/.test(
        ctx.text.slice(z.span.end, z.span.end + 20),
      ));
  // "consists of the Jinan, Qingdao, and Yantai areas": the members of a list are not what the figure is about.
  const listed = (z: NameMention) =>
    /(?:consists? of|consisting of|covering|comprising|包括|涵盖|覆盖|(?<!自)由)[^.;。；]{0,40}$/i.test(
      ctx.text.slice(Math.max(sentence.start, z.span.start - 50), z.span.start),
    ) || /^\s?(?:areas|sub-?zones|等|三个片区|片区组成)/.test(ctx.text.slice(z.span.end, z.span.end + 6));
  const inSentence = ctx.zoneMentions.filter(
    (z) => z.span.start >= sentence.start && z.span.end <= sentence.end && ok(z.code) && !locative(z) && !listed(z),
  );
  const port = (list: NameMention[]) =>
    wantsPort ? (list.filter((z) => ctx.lexicon.zones.get(z.code)?.kind === "port").at(-1) ?? list.at(-1)) : list.at(-1);
  if (located.pairedZone && ok(located.pairedZone)) return { code: located.pairedZone, how: "paired with a list of zones" };
  const bracketed = bracketZone(ctx, located);
  if (bracketed && ok(bracketed)) return { code: bracketed, how: "named before the bracket" };
  const beforeInClause = inSentence.filter((z) => z.span.end <= mention.span.start && z.span.start >= clause.start);
  const afterInClause = inSentence.filter(
    (z) => z.span.start >= mention.span.end && z.span.start < clause.end && z.span.start - mention.span.end < 80,
  );
  const beforeInSentence = inSentence.filter((z) => z.span.end <= mention.span.start);
  if (beforeInClause.length) return { code: areaOf(ctx, port(beforeInClause)!), how: "named in its clause" };
  if (afterInClause.length) return { code: afterInClause[0]!.code, how: "named after it" };
  // "Though occupying only 1% of the city's land area, the Zhengzhou Area has …": the subject follows the opening clause.
  if (
    /^\s*(?:Though|Although|While|Covering|Occupying|Accounting|With|Being|虽然|尽管)\b/.test(ctx.text.slice(sentence.start, clause.end)) &&
    clause.start <= sentence.start + 2
  ) {
    const subject = inSentence.find((z) => z.span.start >= clause.end);
    if (subject) return { code: subject.code, how: "the subject after the opening clause" };
  }
  if (beforeInSentence.length) return { code: areaOf(ctx, port(beforeInSentence)!), how: "named earlier in the sentence" };
  const earlier = ctx.zoneMentions.filter((z) => z.span.end <= sentence.start && ok(z.code) && !locative(z));
  // A sentence that names no zone goes on about the FTZ or area named before, rather than a place named in passing.
  const subject = earlier.filter((z) => ["ftz", "area", "group"].includes(ctx.lexicon.zones.get(z.code)?.kind ?? "")).at(-1);
  if (earlier.length)
    return { code: wantsPort ? port(earlier)!.code : (subject ?? earlier.at(-1)!).code, how: "named in an earlier sentence" };
  const later = inSentence.filter((z) => z.span.start >= mention.span.end);
  if (later.length) return { code: later[0]!.code, how: "named later in the sentence" };
  // "foreign investment in actual use in Beijing reached …": with no other zone, the place is the zone.
  const places = ctx.zoneMentions.filter((z) => z.span.start >= sentence.start && z.span.end <= sentence.end && ok(z.code) && locative(z));
  if (places.length) return { code: places.at(-1)!.code, how: "the place the sentence names" };
  if (ctx.titleZone && ok(ctx.titleZone)) return { code: ctx.titleZone, how: "named in the title" };
  return null;
}

/** "the Wuhan Area of the China (Hubei) Pilot Free Trade Zone": an FTZ named after one of its areas and "of" is that area's. */
function areaOf(ctx: Context, named: NameMention): string {
  const zone = ctx.lexicon.zones.get(named.code);
  if (zone?.kind !== "ftz") return named.code;
  const area = ctx.zoneMentions.find(
    (z) =>
      !z.anaphora &&
      z.span.end <= named.span.start &&
      ctx.lexicon.zones.get(z.code)?.parent === zone.code &&
      ctx.lexicon.zones.get(z.code)?.kind === "area" &&
      /^\s(?:of|in)\s(?:the\s)?$/.test(ctx.text.slice(z.span.end, named.span.start)),
  );
  return area?.code ?? named.code;
}

/** A port figure told of a city (舟山……集装箱吞吐量) is the figure of that city's port (the most specific one named after it). */
export function portOf(ctx: Context, code: string): string {
  const city = ctx.lexicon.zones.get(code);
  if (!city || city.kind === "port") return code;
  const depth = (z: ExtractZone): number => (z.parent ? 1 + depth(ctx.lexicon.zones.get(z.parent) ?? { ...z, parent: null }) : 0);
  const ports = [...ctx.lexicon.zones.values()].filter(
    (z) => z.kind === "port" && (z.parent === city.code || new RegExp(`${city.nameEn.split(/\s/)[0]} port`, "i").test(z.nameEn)),
  );
  const found = ports.sort((a, b) => depth(b) - depth(a))[0]?.code;
  if (found) return found;
  // "the port's cargo throughput" in a text about the Guangxi FTZ: the one port the catalog has in the zone's province.
  if (city.kind !== "ftz" && city.kind !== "area") return code;
  let province: ExtractZone | undefined = city;
  while (province && province.kind !== "province") province = province.parent ? ctx.lexicon.zones.get(province.parent) : undefined;
  const only = province ? [...ctx.lexicon.zones.values()].filter((z) => z.kind === "port" && z.parent === province.code) : [];
  return only.length === 1 ? only[0]!.code : code;
}

/** "The Central Area (87.76 sq km": the zone named just before the bracket that opens on the figure. */
export function bracketZone(ctx: Context, located: Located): string | undefined {
  const { mention, sentence } = located;
  const before = ctx.text.slice(sentence.start, mention.span.start);
  const open = sentence.start + before.search(/\(\s?$/);
  if (open < sentence.start) return undefined;
  return ctx.zoneMentions.find((z) => !z.anaphora && z.span.end <= open && open - z.span.end <= 2)?.code;
}

// 成都市全年进出口…, 黑河市全市外贸…, 深圳全市实际使用外资…: a city named as the subject (not after 占/比/为, not a body
// such as 市商务局 speaking, not 市场 or 上市).
const CITY_ZH =
  /[\u4e00-\u9fff]{1,2}[^\s上城超股门\d，,。；;、（）()“”]市(?![场民值况级委政商统海发人区内外中])(?:全市)?|(?<![区上超城])全[市区](?![场民级委政商统])/g;
// "Xi'an's exports", "Nanning, the regional capital, saw …", "the city of Baoji", "Haikou City".
const CITY_EN =
  /\b([A-Z][a-z]+(?:['’][a-z]+)?)['’]s\b|\b[A-Z][a-z]+(?:['’][a-z]+)?,\s(?:the\s)?(?:regional|provincial|prefectural)?\s?capital\b|\bthe city of [A-Z]|\b[A-Z][a-z]+ City\b/g;
// Possessives that name no place: the country, a document or a body ("the Ministry's data", "Xinhua's report").
const NOT_A_PLACE = new Set(
  "China Its The This That It Country Nation World Zone Area Port Year Ministry Council Customs Bureau Department Commission Xinhua Report".split(
    " ",
  ),
);

/**
 * The figure is of a city the catalog does not hold, not of the zone chosen for it: such a city is named between the
 * zone's last mention in the sentence (or the sentence's start) and the number. 全市/全区 is the chosen zone itself
 * where that is a city or province (舟山全年全市集装箱吞吐量).
 */
export function unknownPlace(ctx: Context, located: Located, zoneCode: string): string | null {
  const { mention, sentence } = located;
  // "the zone's trade", 该片区: a subject resolved to a zone counts as the zone's mention too.
  const known = ctx.zoneMentions.filter((z) => z.code !== "" && z.span.start >= sentence.start && z.span.end <= mention.span.start);
  const lastKnown = known.at(-1);
  // "Nanning, the regional capital, saw …", "Yantai city": an area's bare name said of its city.
  if (
    lastKnown &&
    ctx.lexicon.zones.get(lastKnown.code)?.kind === "area" &&
    /^,?\s(?:the\s)?(?:(?:regional|provincial|prefectural)\s)?capital\b|^\s[Cc]ity\b/.test(
      ctx.text.slice(lastKnown.span.end, lastKnown.span.end + 30),
    )
  )
    return ctx.text.slice(lastKnown.span.start, lastKnown.span.end);
  const from = Math.max(sentence.start, lastKnown?.span.end ?? sentence.start);
  const segment = ctx.text.slice(from, mention.span.start);
  const kind = ctx.lexicon.zones.get(zoneCode)?.kind;
  const covered = (start: number, end: number, kinds: readonly string[]) =>
    ctx.zoneMentions.some(
      (z) =>
        z.span.start < end && start < z.span.end && (z.anaphora !== undefined || kinds.includes(ctx.lexicon.zones.get(z.code)?.kind ?? "")),
    );
  for (const m of segment.matchAll(CITY_ZH)) {
    const start = from + m.index;
    if (/[占比为较]/.test(ctx.text.slice(Math.max(sentence.start, start - 2), start))) continue;
    if (/^全/.test(m[0]) && ["city", "province", "port"].includes(kind ?? "")) continue;
    if (covered(start, start + m[0].length, ["city", "province", "port", "ftz", "group", "country"])) continue;
    return m[0];
  }
  for (const m of segment.matchAll(CITY_EN)) {
    const start = from + m.index;
    if (m[1] !== undefined) {
      if (NOT_A_PLACE.has(m[1]) || covered(start, start + m[1].length, ["city", "province", "port", "ftz", "area", "group", "country"]))
        continue;
    } else if (covered(start, start + m[0].length, ["city", "province"])) continue;
    if (/\b(?:of|in|to)\s(?:the\s)?$/.test(ctx.text.slice(Math.max(sentence.start, start - 8), start))) continue;
    return m[0];
  }
  return null;
}

/**
 * 山东等6个自贸试验区和上海自贸试验区临港新片区……实施率: a figure told once of zones joined by 和/and (no list of
 * figures, no "respectively") is of them together, not of the last one named.
 */
export function jointSubject(ctx: Context, located: Located, zoneCode: string): boolean {
  const { mention, clause } = located;
  if (mention.list || located.pairedZone) return false;
  const named = ctx.zoneMentions.filter(
    (z) => !z.anaphora && z.code === zoneCode && z.span.start >= clause.start && z.span.end <= mention.span.start,
  );
  const last = named.at(-1);
  if (!last) return false;
  // 上海自贸试验区临港新片区: an area written after its FTZ is one name.
  let start = last.span.start;
  for (const z of [...ctx.zoneMentions].reverse()) {
    if (!z.anaphora && z.span.end <= start && /^\s?$/.test(ctx.text.slice(z.span.end, start)) && z.span.start >= clause.start)
      start = z.span.start;
  }
  const before = ctx.text.slice(Math.max(clause.start, start - 40), start);
  return /(?:自贸试验区|自贸区|自由贸易试验区|片区|FTZs|free[\s-]trade zones|areas)\s?(?:和|及|与|以及|and)\s?(?:the\s)?(?:中国)?$/i.test(
    before,
  );
}
