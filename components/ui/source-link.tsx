// A source line: the publication's title (linked when it has an address) and its date.
import type { SourceRef } from "@/lib/domain/figures";
import { formatDate, type Locale } from "@/lib/domain/format";

export function SourceLink({ source, locale, quote }: { source: SourceRef; locale: Locale; quote?: string | null }) {
  const date = source.publishedOn ? formatDate(source.publishedOn, locale) : null;
  return (
    <span className="source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener" title={quote ?? undefined}>
          {source.title}
        </a>
      ) : (
        <span title={quote ?? undefined}>{source.title}</span>
      )}
      {date ? <span className="source__date"> · {date}</span> : null}
    </span>
  );
}
