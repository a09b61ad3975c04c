// The import history: who imported what, when, through which door, and what it did.
import Link from "next/link";
import type { ImportRecord } from "@/lib/domain/imports";
import { formatDateTime, type Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";

export function ImportHistory({ imports, locale, labels }: { imports: ImportRecord[]; locale: Locale; labels: Messages["import"] }) {
  if (imports.length === 0) return <p className="muted">{labels.historyEmpty}</p>;
  return (
    <div className="table-wrap">
      <table className="figures-table history-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{labels.when} (UTC+8)</th>
            <th scope="col">{labels.who}</th>
            <th scope="col">{labels.channel}</th>
            <th scope="col">{labels.fileName}</th>
            <th scope="col" className="num">
              {labels.new}
            </th>
            <th scope="col" className="num">
              {labels.revised}
            </th>
            <th scope="col" className="num">
              {labels.unchanged}
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((record) => (
            <tr key={record.id}>
              <td>
                <Link href={`/imports/${record.id}`}>#{record.id}</Link>
              </td>
              <td>{formatDateTime(record.createdAt, locale)}</td>
              <td>{record.actor}</td>
              <td>{labels.channels[record.channel as keyof Messages["import"]["channels"]] ?? record.channel}</td>
              <td className="wrap-anywhere">{record.fileName}</td>
              <td className="num">{record.rowsNew.toLocaleString()}</td>
              <td className="num">{record.rowsRevised.toLocaleString()}</td>
              <td className="num">{record.rowsUnchanged.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
