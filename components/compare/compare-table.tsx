// The numbers of a chart as a table: periods down, zones across; each value with its qualifier, status
// and the sources it came from (numbered, as in the list of sources under it).
import type { ChartModel } from "@/lib/domain/chart-model";
import { qualifierMark } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";
import { SourceLink } from "@/components/ui/source-link";

export function CompareTable({
  model,
  t,
  caption,
  idPrefix = "source",
}: {
  model: ChartModel;
  t: Messages;
  caption: string;
  idPrefix?: string;
}) {
  const numberOf = new Map(model.sources.map((s) => [s.id, s.n]));
  return (
    <div className="table-wrap">
      <table className="figures-table compare-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.compare.period}</th>
            {model.series.map((s) => (
              <th key={s.key} scope="col" className="num">
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.table.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.periodText}</th>
              {row.cells.map((cell, index) => (
                <td
                  key={model.series[index]?.key ?? index}
                  className="num"
                  {...(cell
                    ? { "data-zone": model.series[index]?.key, "data-start": cell.start, "data-end": cell.end, "data-value": cell.value }
                    : {})}
                >
                  {cell ? (
                    <>
                      <span className={`figure--${cell.qualifier}`} title={t.qualifierNote[cell.qualifier] || undefined}>
                        {qualifierMark(cell.qualifier, model.locale)}
                        {cell.valueText}
                      </span>
                      {cell.status !== "ok" ? <span className={`badge badge--${cell.status}`}>{t.status[cell.status]}</span> : null}
                      <sup className="source-refs">
                        {cell.sources.map((id) => (
                          <a key={id} href={`#${idPrefix}-${numberOf.get(id)}`}>
                            [{numberOf.get(id)}]
                          </a>
                        ))}
                      </sup>
                      {cell.note ? <span className="cell-note">{cell.note}</span> : null}
                    </>
                  ) : (
                    <span className="muted" aria-label="—">
                      —
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SourceList({ model, title, idPrefix = "source" }: { model: ChartModel; title: string; idPrefix?: string }) {
  if (model.sources.length === 0) return null;
  return (
    <section className="source-list" aria-label={title}>
      <h3>{title}</h3>
      <ol>
        {model.sources.map((s) => (
          <li key={s.id} id={`${idPrefix}-${s.n}`} value={s.n}>
            <SourceLink source={s} locale={model.locale} />
          </li>
        ))}
      </ol>
    </section>
  );
}
