// The downloads of a table page: the same rows as CSV (UTF-8 with BOM, opens in Excel) and as an
// Excel workbook with a Sources sheet.
import type { Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";

type Props = { api: string; labels: Messages["exports"]; locale: Locale; label?: string };

/** Both files in the reader's language (headers, sheet names; English CSV headers are the data format's codes). */
export function TableDownloads({ api, labels, locale, label }: Props) {
  const join = `${api.includes("?") ? "&" : "?"}${locale === "zh" ? "lang=zh&" : ""}`;
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
