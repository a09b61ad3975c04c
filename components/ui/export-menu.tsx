"use client";
// The downloads of a chart: PNG at 2× and 3×, SVG, CSV and XLSX of exactly the series shown, a link
// to the image for reports to embed, and "add to report".
import { useState } from "react";
import { useDraft } from "@/components/reports/draft";
import type { Messages } from "@/lib/i18n/messages";

type Props = { query: string; locale: "en" | "zh"; title: string; fileBase: string; labels: Messages["exports"]; compact?: boolean };

export function ExportMenu({ query, locale, title, fileBase, labels, compact = false }: Props) {
  const [, updateDraft] = useDraft();
  const [status, setStatus] = useState<string>("");
  const lang = locale === "zh" ? "&lang=zh" : "";
  const file = `ftz-monitor-${fileBase}`;
  const links = [
    { href: `/api/charts/compare.png?${query}${lang}&scale=2`, label: labels.png2, file: `${file}@2x.png` },
    { href: `/api/charts/compare.png?${query}${lang}&scale=3`, label: labels.png3, file: `${file}@3x.png` },
    { href: `/api/charts/compare.svg?${query}${lang}`, label: labels.svg, file: `${file}.svg` },
    { href: `/api/series?${seriesQuery(query)}${lang}&format=csv`, label: labels.csv, file: `${file}.csv` },
    { href: `/api/series?${seriesQuery(query)}${lang}&format=xlsx`, label: labels.xlsx, file: `${file}.xlsx` },
  ];
  const copy = async () => {
    const url = new URL(`/api/charts/compare.png?${query}${lang}&scale=2`, window.location.href).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus(labels.copied);
    } catch {
      window.prompt(labels.copyFailed, url);
    }
  };
  const add = () => {
    updateDraft((draft) => ({ ...draft, items: [...draft.items, { view: query, title, showChart: true, showTable: true, note: "" }] }));
    setStatus(labels.added);
  };
  return (
    <div className={`export-menu${compact ? " export-menu--compact" : ""}`}>
      <details>
        <summary className="button button--quiet">{labels.download}</summary>
        <ul className="export-menu__panel">
          {links.map((link) => (
            <li key={link.label}>
              <a href={link.href} download={link.file}>
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className="link-button" onClick={() => void copy()}>
              {labels.copyLink}
            </button>
          </li>
        </ul>
      </details>
      <button type="button" className="button button--quiet" onClick={add}>
        {labels.addToReport}
      </button>
      <span className="export-menu__status" role="status">
        {status}
      </span>
    </div>
  );
}

/** The series API takes the compare view's parameters without the drawing ones. */
function seriesQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.delete("chart");
  params.delete("axis");
  params.delete("view");
  return params.toString().replaceAll("%2C", ",");
}
