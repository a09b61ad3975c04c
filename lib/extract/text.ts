// Text preparation for the figure finder: one character in, one character out, so every offset found in the
// prepared text is an offset of the published text. Full-width ASCII becomes ASCII and traditional characters
// their simplified forms (the passages come from big5 mirrors as often as from mainland sites).
import type { Span } from "./types.ts";

// Traditional → simplified, for the characters of statistical releases (figures, units, bodies, places, verbs).
const TRADITIONAL_PAIRS =
  "佔占萬万億亿個个項项門门場场際际資资業业貿贸區区試试驗验實实額额進进稅税創创製制幣币擴扩續续級级營营總总產产産产處处聯联設设結结勢势戶户噸吨條条層层計计劃划調调協协議议簽签約约錄录達达顯显階阶績绩載载積积極极與与舉举辦办週周歲岁長长東东廣广據据國国線线裝装開开過过標标準准務务現现數数體体發发於于為为從从們们這这來来對对時时間间後后當当屆届運运輸输價价單单規规權权轉转換换導导訊讯網网優优銷销費费園园專专車车鐵铁鋼钢灣湾漁渔島岛陸陆節节圖图書书館馆醫医療疗衛卫廠厂礦矿樓楼畝亩頃顷輛辆倉仓儲储齊齐匯汇彙汇豐丰兩两內内號号員员點点關关證证財财會会經经濟济縣县鎮镇組组織织綜综嗎吗還还歷历質质農农並并環环報报閱阅讀读貨货統统預预構构機机簡简險险稱称紹绍孫孙記记獲获復复陝陕臺台鄭郑閩闽廈厦瀋沈遼辽寧宁慶庆蘇苏龍龙雲云貴贵瓊琼滬沪漢汉贛赣魯鲁晉晋粵粤隴陇綫线餘余僅仅將将屬属連连紀纪齡龄";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) MAP.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);

function prepareChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return " ";
  if (ch === "—" || ch === "–" || ch === "－" || ch === "~" || ch === "～") return "-";
  if (ch === "’" || ch === "‘") return "'";
  return MAP.get(ch) ?? ch;
}

/** The published text with full-width ASCII, dashes and traditional characters folded; same length. */
export function prepareText(text: string): string {
  let out = "";
  for (const ch of text) {
    // Astral characters take two code units: keep them as they are so offsets stay aligned.
    out += ch.length === 1 ? prepareChar(ch) : ch;
  }
  return out;
}

export type Sentence = Span & { paragraph: number };

/** Sentences (ending in 。！？; . ! ? before a space or the end) grouped by paragraph (a line break). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim() !== "") sentences.push({ start, end, paragraph });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      // A line broken inside a sentence (text copied from a PDF) goes on; a blank line or a finished sentence ends it.
      const before = text.slice(start, i).trimEnd();
      const blank = /^[ \t]*\n/.test(text.slice(i + 1));
      const next = text.slice(i + 1).trimStart();
      if (!blank && before !== "" && !/[。！？.!?:：”"」)]$/.test(before) && (before.length > 60 || /^[a-z]/.test(next))) continue;
      push(i + 1);
      if (text[i + 1] === "\n" || /\S/.test(text[i + 1] ?? "")) paragraph++;
      continue;
    }
    if (ch === "。" || ch === "！" || ch === "？" || ch === "!" || ch === "?") push(i + 1);
    else if (ch === "." && /\s|$/.test(text[i + 1] ?? "") && !/\d/.test(text[i - 1] ?? "x") && !isAbbreviation(text, i)) push(i + 1);
    else if (ch === "." && /[A-Z]/.test(text[i + 1] ?? "") && /[a-z]{2}/.test(text.slice(i - 2, i))) push(i + 1);
  }
  push(text.length);
  return sentences;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 4), dot);
  return /(^|\W)(Co|Ltd|No|St|Mr|Dr|U\.S|Inc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/.test(before) || /\b[A-Z]$/.test(before);
}

/** Clause boundaries inside a sentence: ，,；;：: and the like. */
export const CLAUSE_BREAK = /[，,；;：:、]/;
