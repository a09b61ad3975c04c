// Monitoring as tables and feeds: progress rows for CSV and XLSX, alerts as Atom. Pure.
import type { AlertView } from "./service.ts";
import type { MonitorRow } from "../domain/monitor.ts";
import { alertView, describeAlert } from "../i18n/alert-words.ts";
import type { Locale } from "../domain/format.ts";
import type { CsvValue } from "../export/csv.ts";
import { localName } from "../domain/figures.ts";

export const PROGRESS_COLUMNS = [
  "zone",
  "zone_name",
  "indicator",
  "indicator_name",
  "year",
  "status",
  "unit",
  "target",
  "through",
  "actual",
  "actual_qualifier",
  "expected",
  "gap",
  "reached_percent",
  "yoy_percent",
  "target_source",
] as const;

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function progressCells(row: MonitorRow, locale: Locale): CsvValue[] {
  const p = row.progress;
  return [
    row.zone.code,
    localName(row.zone, locale),
    row.indicator.code,
    localName(row.indicator, locale),
    row.year,
    p.status,
    row.indicator.unit,
    row.target,
    p.actual?.through ?? null,
    p.actual?.value ?? null,
    p.actual?.qualifier ?? null,
    p.expected,
    p.gap,
    pct(p.reached),
    pct(p.yoy),
    row.source?.title ?? null,
  ];
}

export const ALERT_COLUMNS = [
  "id",
  "kind",
  "zone",
  "indicator",
  "since",
  "magnitude",
  "title",
  "detail",
  "chart",
  "first_seen_at",
  "acknowledged_at",
  "resolved_at",
] as const;

export function alertCells(alert: AlertView, locale: Locale, origin: string): CsvValue[] {
  const words = describeAlert(alert, locale);
  return [
    alert.id,
    alert.kind,
    alert.zone.code,
    alert.indicator.code,
    alert.since,
    alert.magnitude,
    words.title,
    words.detail,
    `${origin}/compare?${alertView(alert)}`,
    alert.firstSeenAt,
    alert.acknowledgedAt,
    alert.resolvedAt,
  ];
}

function xml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** An Atom 1.0 feed of alerts; each entry's id is the alert's key, so a reader never shows one twice. */
export function alertsAtom(alerts: readonly AlertView[], origin: string, locale: Locale, self: string): string {
  const updated = alerts.reduce((latest, a) => (a.lastSeenAt > latest ? a.lastSeenAt : latest), "1970-01-01T00:00:00.000Z");
  const entries = alerts.map((alert) => {
    const words = describeAlert(alert, locale);
    return `  <entry>
    <id>urn:ftz-monitor:alert:${xml(alert.key)}</id>
    <title>${xml(words.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${origin}/compare?${alertView(alert)}`)}"/>
    <published>${alert.firstSeenAt}</published>
    <updated>${alert.firstSeenAt}</updated>
    <category term="${alert.kind}"/>
    <summary>${xml(words.detail)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale === "zh" ? "zh-CN" : "en"}">
  <id>${xml(`${origin}/api/alerts`)}</id>
  <title>${locale === "zh" ? "ftz-monitor 预警" : "ftz-monitor alerts"}</title>
  <link rel="self" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${origin}/monitor`)}"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}
