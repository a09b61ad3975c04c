// A report as a page: its title and notes, then each item — the chart (the same SVG the chart URL
// serves, so it prints as vectors), the table, the item's note and its sources. Prints one item per
// page (see the print styles in globals.css).
import { CompareTable, SourceList } from "@/components/compare/compare-table";
import type { PdfItem } from "@/lib/export/pdf";
import { fill, type Messages } from "@/lib/i18n/messages";

type Props = {
  report: { title: string; notes: string; locale: "en" | "zh" };
  items: PdfItem[];
  /** A line under the title: who saved it and when, or that this is an unsaved draft. */
  byline: string;
  t: Messages;
};

function paragraphs(text: string) {
  return text
    .trim()
    .split(/\n\s*\n/)
    .filter(Boolean)
    .map((p, i) => <p key={i}>{p}</p>);
}

export function ReportDocument({ report, items, byline, t }: Props) {
  const lang = report.locale;
  return (
    <article className="report-document" lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className="report-document__head">
        <h1>{report.title}</h1>
        <p className="muted">{byline}</p>
        {report.notes.trim() ? <div className="report-document__notes">{paragraphs(report.notes)}</div> : null}
      </header>
      {items.map(({ item, model }, index) => {
        const query = `${item.view}&lang=${lang}`;
        if ("error" in model) {
          return (
            <section key={index} className="report-item" aria-label={item.title || String(index + 1)}>
              <h2>{item.title || `${index + 1}`}</h2>
              <p className="notice notice--warn">{fill(t.reports.unavailable, { reason: model.error })}</p>
            </section>
          );
        }
        const heading = `${model.title} — ${model.subtitle}`;
        return (
          <section key={index} className="report-item" aria-labelledby={`item-${index}`}>
            <h2 id={`item-${index}`} className={item.showChart ? "visually-hidden" : undefined}>
              {model.title}
              <span className="report-item__subtitle">{model.subtitle}</span>
            </h2>
            {item.showChart ? (
              // eslint-disable-next-line @next/next/no-img-element -- a server-rendered SVG that must print as vectors
              <img
                className="report-item__chart"
                src={`/api/charts/compare.svg?${query}&width=880&height=460`}
                alt={heading}
                width={880}
                height={460}
              />
            ) : null}
            {item.showTable ? <CompareTable model={model} t={t} caption={heading} idPrefix={`item-${index}-source`} /> : null}
            {item.note.trim() ? (
              <div className="report-item__note">
                <h3>{t.reports.note}</h3>
                {paragraphs(item.note)}
              </div>
            ) : null}
            <SourceList model={model} title={t.compare.sources} idPrefix={`item-${index}-source`} />
            {model.asOf ? <p className="muted report-item__asof">{fill(t.reports.asOf, { date: model.asOf })}</p> : null}
          </section>
        );
      })}
    </article>
  );
}
