// A source line: the publication's title (linked when it has an address, its annotations in the reader's
// language, text in another language marked) and its date. Every list of sources on a page is made of these.
import type { SourceRef } from "@/lib/domain/figures";
import { formatDate, type Locale } from "@/lib/domain/format";
import { SourceTitle } from "./published-text";

export function SourceLink({ source, locale, quote }: { source: SourceRef; locale: Locale; quote?: string | null }) {
  const date = source.publishedOn ? formatDate(source.publishedOn, locale) : null;
  const title = <SourceTitle title={source.title} locale={locale} />;
  return (
    <span className="source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener" title={quote ?? undefined}>
          {title}
        </a>
      ) : (
        <span title={quote ?? undefined}>{title}</span>
      )}
      {date ? <span className="source__date"> · {date}</span> : null}
    </span>
  );
}
