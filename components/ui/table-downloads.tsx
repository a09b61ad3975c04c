// The downloads of a table page: the same rows as CSV (UTF-8 with BOM, opens in Excel) and as an
// Excel workbook with a Sources sheet.
import type { Messages } from "@/lib/i18n/messages";

export function TableDownloads({ api, labels, label }: { api: string; labels: Messages["exports"]; label?: string }) {
  const join = api.includes("?") ? "&" : "?";
  return (
    <p className="table-downloads">
      <span className="muted">{label ?? labels.table}:</span>
      <a className="button button--quiet" href={`${api}${join}format=csv`} download>
        {labels.csv}
      </a>
      <a className="button button--quiet" href={`${api}${join}format=xlsx`} download>
        {labels.xlsx}
      </a>
    </p>
  );
}
