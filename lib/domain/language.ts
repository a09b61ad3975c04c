// The language of published text (a title, a quote, a description), so a page can mark text that is not in the
// reader's language (`lang`, and a visible mark on prose), and the English annotations of source titles
// ("via", "citing", "mirror" …) in Chinese. Pure: no lexicon beyond these few words.
import type { Locale } from "./format.ts";

/** The languages published text here comes in. Italian: a few sources are Italian wire copies. */
export type TextLanguage = "zh" | "en" | "it";

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const LATIN_LETTER = /[A-Za-zÀ-ÿ]/gu;
// Words only Italian uses among the texts seen (not "la", "un": English names and codes have them too).
const ITALIAN = /\b(?:della|dell'|nella|nel|degli|commercio|zona|franca|cresce|anche|sono|primo|prima|dell'anno)\b/giu;

/** The language a text is written in, or null when it holds no words (numbers, codes, punctuation). */
export function textLanguage(text: string): TextLanguage | null {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  // A Han character carries about as much as a short Latin word: Chinese wins unless Latin text dominates.
  if (han > 0 && han * 4 >= latin) return "zh";
  if (latin < 2) return han > 0 ? "zh" : null;
  return (text.match(ITALIAN)?.length ?? 0) >= 2 ? "it" : "en";
}

/** The `lang` attribute a text needs on a page in `locale`: undefined when it is in the page's language. */
export function foreignLang(text: string, locale: Locale): TextLanguage | undefined {
  const language = textLanguage(text);
  return language && language !== locale ? language : undefined;
}

/** The mark beside published prose that is not in the page's language ("英文原文"). */
export const ORIGINAL_MARK: Record<Locale, Record<TextLanguage, string>> = {
  en: { en: "in English", it: "in Italian", zh: "in Chinese" },
  zh: { en: "英文原文", it: "意大利文原文", zh: "中文原文" },
};

export type TextRun = { text: string; lang?: TextLanguage };

// A run of Latin words: holds two letters, may hold spaces, digits and the punctuation of names ("People's
// Daily Online", "tellerreport.com", "Co., Ltd", "5g.rexun.cn").
const LATIN_RUN = /[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’.&\-/()]*(?:[ ,]+[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’.&\-/()]*)*/gu;
// A run of Chinese: Han characters with the CJK punctuation, digits and spaces between them.
const HAN_RUN =
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9 ·—-]*[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])?/gu;

/**
 * A text in runs for a page in `locale`, each run of another script marked with its language: on a Chinese page
 * the Latin words (an English title, the outlet names in "合肥日报 via 长江网", a domain), on an English page the
 * Chinese ones. Numbers, codes and units (km², TEU) are no language and stay unmarked.
 */
export function languageRuns(text: string, locale: Locale): TextRun[] {
  // Text without a Chinese character is one run, brackets and all ("enterprise(s)").
  const language = textLanguage(text);
  if (locale === "zh" && (language === "en" || language === "it") && !HAN_CHAR.test(text)) return [{ text, lang: language }];
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(locale === "zh" ? LATIN_RUN : HAN_RUN)) {
    const run = match[0].replace(/[ ,.(]+$/u, "");
    // Two letters make a word ("Xinhua", "big5"); a letter and a digit a code written in Latin ("Q1", "5G").
    const latin = /[A-Za-zÀ-ÿ]{2}/u.test(run) || (/[A-Za-z]/u.test(run) && /\d/u.test(run));
    const lang = locale === "zh" ? (latin ? (textLanguage(run) === "it" ? "it" : "en") : undefined) : "zh";
    if (!lang) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    runs.push({ text: run, lang });
    last = match.index + run.length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

// The annotations the data's source titles carry in their last parentheses, longest first.
const ANNOTATIONS_ZH: readonly [RegExp, string][] = [
  [/\brewritten repost\b/giu, "改写转载"],
  [/\btranslated repost\b/giu, "译文转载"],
  [/\bEnglish rewrite of\b/giu, "英文改写自"],
  [/\bEN rewrite\b/gu, "英文改写"],
  [/\bpossibly AI-written\b/giu, "可能为 AI 生成"],
  [/\bcontent aggregator\b/giu, "内容聚合网站"],
  [/\baggregator\b/giu, "聚合网站"],
  [/\bgarbled big5\b/giu, "big5 乱码"],
  [/\bmirror of\b/giu, "镜像自"],
  [/\bmirror dated\b/giu, "镜像，日期"],
  [/\bmirrors?\b/giu, "镜像"],
  [/\breposted\b/giu, "转载"],
  [/\breposts?\b/giu, "转载"],
  [/\bcopy at\b/giu, "副本见"],
  [/\badvertorial\b/giu, "软文"],
  [/\bciting\b/giu, "援引"],
  [/\bvia\b/giu, "经"],
  [/\bEnglish site\b/giu, "英文网站"],
  [/\bEN site\b/gu, "英文网站"],
  [/\bEN\b/gu, "英文版"],
  [/\bprovincial press conference\b/giu, "省新闻发布会"],
  [/\bpress conference\b/giu, "新闻发布会"],
  [/\bpage (\d+)\b/giu, "第$1版"],
  [/\btranslation\b/giu, "译文"],
  [/\bcommentary\b/giu, "评论"],
  [/\btop news\b/giu, "要闻"],
  [/\bsummary\b/giu, "摘要"],
  [/\bcontent\b/giu, "内容"],
  [/\bvideo page\b/giu, "视频页"],
  [/\bproduction bulletin of\b/giu, "生产快报："],
  [/\bdata\b/giu, "数据"],
  [/\bstatistics\b/giu, "统计"],
  [/\bcoverage\b/giu, "报道"],
  [/\bblog\b/giu, "博客"],
  [/\bpost\b/giu, "帖子"],
];

/**
 * A source's title as a reader in `locale` sees it: the published title as it is, and, in Chinese, the
 * annotations ftz-monitor's data adds in its last parentheses ("(合肥日报 via 长江网)", "(copy at tellerreport.com)")
 * in Chinese. Outlet names stay as they are.
 */
export function sourceTitleText(title: string, locale: Locale): string {
  if (locale !== "zh") return title;
  const open = Math.max(title.lastIndexOf("("), title.lastIndexOf("（"));
  if (open < 0 || !/[)）]\s*$/u.test(title)) return title;
  let note = title.slice(open + 1).replace(/[)）]\s*$/u, "");
  // Each translation is fenced by \u0001 so that only the spaces beside it are decided: kept between Latin words,
  // dropped beside Chinese text and punctuation. The title's own spaces are left alone.
  for (const [pattern, zh] of ANNOTATIONS_ZH) note = note.replace(pattern, `\u0001${zh}\u0001`);
  note = note
    .replace(/([,;]) ?/gu, (_m: string, mark: string) => (mark === "," ? "，" : "；"))
    .replace(/\s*\u0001\s*/gu, (fence: string, at: number, whole: string) => {
      const before = whole
        .slice(0, at)
        .replace(/\u0001/gu, "")
        .slice(-1);
      const after = whole
        .slice(at + fence.length)
        .replace(/\u0001/gu, "")
        .slice(0, 1);
      // Chinese typesetting: a space between Chinese and Latin text, none between Chinese and Chinese.
      if (/[\u3000-\u303f\uff00-\uffef]/u.test(before) || /[\u3000-\u303f\uff00-\uffef]/u.test(after)) return "";
      return /[A-Za-z0-9À-ÿ]/u.test(before) || /[A-Za-z0-9À-ÿ]/u.test(after) ? " " : "";
    })
    .trim();
  return `${title.slice(0, open).trimEnd()}（${note}）`;
}
