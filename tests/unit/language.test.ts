// The language of published text, its runs marked on a page in the other language, and the annotations of
// source titles in Chinese. Titles below are written in the form the data packages use (synthetic outlets).
import { describe, expect, it } from "vitest";
import { foreignLang, languageRuns, sourceTitleText, textLanguage } from "@/lib/domain/language";

describe("textLanguage", () => {
  it.each([
    ["合成自贸试验区新设企业3857家", "zh"],
    ["省人大常委会专题询问 高水平对外开放 (mirror of Synthetic Daily)", "zh"],
    ["Synthetic FTZ posts robust growth in foreign trade", "en"],
    ["La zona franca pilota sintetica vede un robusto commercio estero nella prima metà", "it"],
    ["119.86 km² in three areas", "en"],
    ["2024-01-31", null],
    ["TEU", "en"],
    ["x", null],
  ] as const)("%s → %s", (text, expected) => {
    expect(textLanguage(text)).toBe(expected);
  });

  it("marks only text that is not in the page's language", () => {
    expect(foreignLang("Synthetic bulletin", "zh")).toBe("en");
    expect(foreignLang("Synthetic bulletin", "en")).toBeUndefined();
    expect(foreignLang("合成公报", "en")).toBe("zh");
    expect(foreignLang("合成公报", "zh")).toBeUndefined();
    expect(foreignLang("2024", "zh")).toBeUndefined();
  });
});

describe("languageRuns", () => {
  it("marks the Latin runs of Chinese text on a Chinese page, leaving numbers and single letters alone", () => {
    expect(languageRuns("合成日报（经 Synthetic Daily Online）2024 年 A 区", "zh")).toEqual([
      { text: "合成日报（经 " },
      { text: "Synthetic Daily Online", lang: "en" },
      { text: "）2024 年 A 区" },
    ]);
  });

  it("keeps a domain and an outlet's punctuation in one run", () => {
    expect(languageRuns("副本见 synthetic-news.example.com", "zh")).toEqual([
      { text: "副本见 " },
      { text: "synthetic-news.example.com", lang: "en" },
    ]);
  });

  it("marks a wholly English title as one run, an Italian one as Italian", () => {
    expect(languageRuns("Synthetic Port, 2024-01-31", "zh")).toEqual([{ text: "Synthetic Port, 2024-01-31", lang: "en" }]);
    expect(languageRuns("Cresce il commercio della zona franca sintetica", "zh")[0]?.lang).toBe("it");
  });

  it("marks the Chinese runs on an English page", () => {
    expect(languageRuns("Synthetic bulletin (合成日报, repost)", "en")).toEqual([
      { text: "Synthetic bulletin (" },
      { text: "合成日报", lang: "zh" },
      { text: ", repost)" },
    ]);
    expect(languageRuns("Synthetic bulletin", "en")).toEqual([{ text: "Synthetic bulletin" }]);
  });
});

describe("sourceTitleText", () => {
  it.each([
    ["合成开放新图景 (合成日报 via 合成网)", "合成开放新图景（合成日报经合成网）"],
    ["Synthetic FTZ at five (copy at synthetic-news.example.com)", "Synthetic FTZ at five（副本见 synthetic-news.example.com）"],
    ["合成新闻发布会 (合成晚报 citing 合成社)", "合成新闻发布会（合成晚报援引合成社）"],
    ["Synthetic growth (Synthetic Wire via Synthetic Daily Online)", "Synthetic growth（Synthetic Wire 经 Synthetic Daily Online）"],
    ["合成报道 (合成社, rewritten repost)", "合成报道（合成社，改写转载）"],
    ["Synthetic report (synthetic.example.com advertorial)", "Synthetic report（synthetic.example.com 软文）"],
    ["合成报道 (mirror of Synthetic Daily, 2024 合成工作报告 coverage)", "合成报道（镜像自 Synthetic Daily，2024 合成工作报告报道）"],
    ["Synthetic news (Synthetic Daily, page 3)", "Synthetic news（Synthetic Daily，第3版）"],
    ["合成快讯 (合成网, 张三 李四; repost synthetic.example.cn)", "合成快讯（合成网，张三 李四；转载 synthetic.example.cn）"],
  ])("%s → %s", (title, expected) => {
    expect(sourceTitleText(title, "zh")).toBe(expected);
  });

  it("leaves titles without annotations, and every title in English, as published", () => {
    expect(sourceTitleText("合成自贸试验区三周年", "zh")).toBe("合成自贸试验区三周年");
    expect(sourceTitleText("Synthetic growth (Synthetic Wire via Synthetic Daily)", "en")).toBe(
      "Synthetic growth (Synthetic Wire via Synthetic Daily)",
    );
  });
});

describe("languageRuns on the edges", () => {
  it("keeps an English text with brackets in one run", () => {
    expect(languageRuns("Number of enterprise(s) set up", "zh")).toEqual([{ text: "Number of enterprise(s) set up", lang: "en" }]);
  });

  it("marks a code of a letter and digits inside Chinese text", () => {
    expect(languageRuns("合成港 Q1 2024 生产快报", "zh")).toEqual([
      { text: "合成港 " },
      { text: "Q1 2024", lang: "en" },
      { text: " 生产快报" },
    ]);
  });
});
