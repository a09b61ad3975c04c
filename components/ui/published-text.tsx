// Published text (a title, a quote, a description) as it was published, with each run in another language than
// the page's marked with `lang`; prose wholly in another language also gets a visible mark ("英文原文").
import { Fragment } from "react";
import { languageRuns, ORIGINAL_MARK, sourceTitleText, textLanguage } from "@/lib/domain/language";
import type { Locale } from "@/lib/domain/format";

type Props = { text: string; locale: Locale; prose?: boolean };

export function PublishedText({ text, locale, prose = false }: Props) {
  const language = textLanguage(text);
  const marked = prose && language !== null && language !== locale;
  return (
    <>
      {marked ? <span className="lang-mark">{ORIGINAL_MARK[locale][language]}</span> : null}
      {languageRuns(text, locale).map((run, i) =>
        run.lang ? (
          <span key={i} lang={run.lang === "zh" ? "zh-CN" : run.lang}>
            {run.text}
          </span>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

/** A source's title, its annotations ("via", "mirror" …) in the reader's language. */
export function SourceTitle({ title, locale }: { title: string; locale: Locale }) {
  return <PublishedText text={sourceTitleText(title, locale)} locale={locale} />;
}
