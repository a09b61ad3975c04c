// What an import found or did: counts per table, then the problems (errors first), warnings and
// revisions. Every problem has its own anchor (#problem-3) so it can be linked to.
import { fill, type Messages } from "@/lib/i18n/messages";
import { TABLES, type ImportSummary, type RowProblem } from "@/lib/domain/imports";

type Labels = Messages["import"];

function ProblemTable({ problems, total, prefix, labels }: { problems: RowProblem[]; total: number; prefix: string; labels: Labels }) {
  return (
    <div className="table-wrap">
      <table className="figures-table problem-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{labels.file}</th>
            <th scope="col" className="num">
              {labels.row}
            </th>
            <th scope="col">{labels.column}</th>
            <th scope="col">{labels.problem}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => {
            const id = `${prefix}-${index + 1}`;
            return (
              <tr key={id} id={id}>
                <td>
                  <a href={`#${id}`} aria-label={`${labels.problem} ${index + 1}`}>
                    {index + 1}
                  </a>
                </td>
                <td>{problem.file ?? problem.table}</td>
                <td className="num">{problem.row > 0 ? problem.row : "—"}</td>
                <td>{problem.column ? <code>{problem.column}</code> : "—"}</td>
                <td>{problem.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > problems.length ? <p className="muted">{fill(labels.more, { n: (total - problems.length).toLocaleString() })}</p> : null}
    </div>
  );
}

export function ImportReport({ summary, labels }: { summary: ImportSummary; labels: Labels }) {
  const tables = TABLES.filter((table) => summary.tables[table]);
  return (
    <div className="import-report" data-testid="import-report">
      {tables.length ? (
        <div className="table-wrap">
          <table className="figures-table counts-table">
            <thead>
              <tr>
                <th scope="col">{labels.table}</th>
                <th scope="col" className="num">
                  {labels.new}
                </th>
                <th scope="col" className="num">
                  {labels.revised}
                </th>
                <th scope="col" className="num">
                  {labels.unchanged}
                </th>
                <th scope="col" className="num">
                  {labels.rejected}
                </th>
              </tr>
            </thead>
            <tbody>
              {tables.map((table) => {
                const counts = summary.tables[table];
                return counts ? (
                  <tr key={table} data-table={table}>
                    <th scope="row">{table}</th>
                    <td className="num">{counts.new.toLocaleString()}</td>
                    <td className="num">{counts.revised.toLocaleString()}</td>
                    <td className="num">{counts.unchanged.toLocaleString()}</td>
                    <td className={`num${counts.rejected ? " bad" : ""}`}>{counts.rejected.toLocaleString()}</td>
                  </tr>
                ) : null;
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {summary.errorCount > 0 ? (
        <section aria-labelledby="import-errors">
          <h3 id="import-errors" className="bad">
            {labels.errors} ({summary.errorCount.toLocaleString()})
          </h3>
          <p>{labels.errorsNote}</p>
          <ProblemTable problems={summary.errors} total={summary.errorCount} prefix="problem" labels={labels} />
        </section>
      ) : summary.committed ? null : (
        <p className="notice notice--ok">{labels.noErrors}</p>
      )}
      {summary.warningCount > 0 ? (
        <section aria-labelledby="import-warnings">
          <h3 id="import-warnings">
            {labels.warnings} ({summary.warningCount.toLocaleString()})
          </h3>
          <ProblemTable problems={summary.warnings} total={summary.warningCount} prefix="warning" labels={labels} />
        </section>
      ) : null}
      {summary.revisions.length > 0 ? (
        <section aria-labelledby="import-revisions">
          <h3 id="import-revisions">{labels.revisions}</h3>
          <div className="table-wrap">
            <table className="figures-table">
              <thead>
                <tr>
                  <th scope="col">{labels.table}</th>
                  <th scope="col" className="num">
                    {labels.row}
                  </th>
                  <th scope="col">{labels.change}</th>
                </tr>
              </thead>
              <tbody>
                {summary.revisions.map((revision) => (
                  <tr key={`${revision.table}-${revision.row}-${revision.key}`}>
                    <td>{revision.table}</td>
                    <td className="num">{revision.row}</td>
                    <td>{revision.changes.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
