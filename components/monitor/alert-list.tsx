// Alerts as a list: what, where, by how much, since when, a link to the chart, and (for an admin) a
// button to acknowledge. Server component; the button is a small client island.
import Link from "next/link";
import type { AlertView } from "@/lib/alerts/service";
import { formatDate, type Locale } from "@/lib/domain/format";
import { alertView, describeAlert } from "@/lib/i18n/alert-words";
import { fill, type Messages } from "@/lib/i18n/messages";
import { AcknowledgeButton } from "./acknowledge-button";

type Props = { alerts: readonly AlertView[]; locale: Locale; t: Messages["monitor"]; admin: boolean; limit?: number };

export function AlertList({ alerts, locale, t, admin, limit }: Props) {
  const shown = limit === undefined ? alerts : alerts.slice(0, limit);
  return (
    <ul className="alert-list">
      {shown.map((alert) => {
        const words = describeAlert(alert, locale);
        return (
          <li key={alert.id} className={`alert alert--${alert.kind}`} data-alert={alert.key}>
            <span className={`alert__kind alert__kind--${alert.kind}`}>{t.kinds[alert.kind]}</span>
            <div className="alert__body">
              <p className="alert__title">{words.title}</p>
              <p className="alert__detail">{words.detail}</p>
              <p className="alert__meta muted">
                {fill(t.since, { date: formatDate(alert.since, locale) })} ·{" "}
                {fill(t.firstSeen, { date: formatDate(alert.firstSeenAt.slice(0, 10), locale) })}
                {alert.acknowledgedAt
                  ? ` · ${fill(t.acknowledgedBy, { actor: alert.acknowledgedBy ?? "", date: formatDate(alert.acknowledgedAt.slice(0, 10), locale) })}`
                  : ""}
              </p>
            </div>
            <div className="alert__actions">
              <Link className="button button--quiet" href={`/compare?${alertView(alert)}`}>
                {t.openChart}
              </Link>
              {admin && !alert.acknowledgedAt && !alert.resolvedAt ? (
                <AcknowledgeButton id={alert.id} label={t.acknowledge} busy={t.acknowledging} />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
