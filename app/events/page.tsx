import type { Metadata } from "next";
import Link from "next/link";
import { AddEvent, EventRowActions } from "@/components/events/event-editor";
import { SourceLink } from "@/components/ui/source-link";
import { TableDownloads } from "@/components/ui/table-downloads";
import { getAdminSession } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listZones } from "@/lib/db/queries/catalog";
import { listEvents } from "@/lib/db/queries/events";
import { eventTitle, orderZones, zoneName } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { formatDateAt } from "@/lib/domain/format";
import { eventBody } from "@/lib/export/events";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { EventListParamsSchema } from "@/lib/validation/events";
import { EVENT_KINDS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: PageProps<"/events">) {
  const locale = await getLocale();
  const t = messages(locale);
  const raw = await searchParams;
  const prisma = await getPrisma();
  const [all, zoneRows, admin] = await Promise.all([listEvents(prisma), listZones(prisma), getAdminSession()]);

  const zones = orderZones(zoneRows);
  const label = (zone: { nameEn: string; nameZh: string | null }) => zoneName(zone, locale, true);
  // The filters are links people share: a value the page does not know is ignored, never an error.
  const param = (key: "zone" | "kind") => {
    const value = raw[key];
    const parsed = EventListParamsSchema.shape[key].safeParse(typeof value === "string" && value !== "" ? value : undefined);
    return parsed.success ? parsed.data : undefined;
  };
  const zone = zones.find((z) => z.code === param("zone"))?.code;
  const kind = param("kind");
  const events = all.filter((e) => (!zone || e.zone.code === zone) && (!kind || e.kind === kind));
  const perZone = new Map<string, number>();
  const perKind = new Map<string, number>();
  for (const e of all) {
    perZone.set(e.zone.code, (perZone.get(e.zone.code) ?? 0) + 1);
    perKind.set(e.kind, (perKind.get(e.kind) ?? 0) + 1);
  }
  const query = new URLSearchParams({ ...(zone ? { zone } : {}), ...(kind ? { kind } : {}) }).toString();
  const zoneOptions = zones.map((z) => ({ code: z.code, label: label(z) }));

  return (
    <>
      <div className="page-head">
        <h1>{t.events.title}</h1>
        <p className="lede">{t.events.intro}</p>
        <TableDownloads api={`/api/events${query ? `?${query}` : ""}`} labels={t.exports} locale={locale} />
      </div>

      {admin ? (
        <AddEvent labels={t.events} zones={zoneOptions} kinds={EVENT_KINDS} defaultZone={zone} />
      ) : (
        <p className="notice">
          {t.events.signInNote} <Link href="/sign-in?next=/events">{t.events.signIn}</Link>
        </p>
      )}

      <section className="panel" aria-labelledby="events-list-title">
        <h2 id="events-list-title" className="visually-hidden">
          {t.events.title}
        </h2>
        <form method="get" action="/events" className="events-filter">
          <label className="field">
            <span className="field__label">{t.events.zone}</span>
            <select name="zone" defaultValue={zone ?? ""}>
              <option value="">{t.events.allZones}</option>
              {zones
                .filter((z) => perZone.has(z.code) || z.code === zone)
                .map((z) => (
                  <option key={z.code} value={z.code}>
                    {label(z)} ({perZone.get(z.code) ?? 0})
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t.events.kind}</span>
            <select name="kind" defaultValue={kind ?? ""}>
              <option value="">{t.events.allKinds}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.events.kinds[k]} ({perKind.get(k) ?? 0})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t.events.show}
          </button>
          {query ? <Link href="/events">{t.events.clear}</Link> : null}
        </form>
        <p className="muted" aria-live="polite">
          {events.length === 1 ? t.events.countOne : fill(t.events.count, { n: events.length })}
        </p>
        {events.length === 0 ? (
          <p className="muted">{t.events.none}</p>
        ) : (
          <div className="table-wrap">
            <table className="figures-table events-table">
              <thead>
                <tr>
                  <th scope="col">{t.events.date}</th>
                  <th scope="col">{t.events.zone}</th>
                  <th scope="col">{t.events.kind}</th>
                  <th scope="col">{t.events.category}</th>
                  <th scope="col">{t.events.eventTitle}</th>
                  <th scope="col">{t.events.source}</th>
                  {admin ? <th scope="col">{t.events.changes}</th> : null}
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} data-event={e.id}>
                    <td className="events-table__date">{formatDateAt(e.date, e.precision, locale)}</td>
                    <td>
                      <Link href={`/zones/${e.zone.code}`}>{zoneName(e.zone, locale, true)}</Link>
                    </td>
                    <td>{t.events.kinds[e.kind]}</td>
                    <td>{e.category ? <PublishedText text={e.category} locale={locale} /> : ""}</td>
                    <th scope="row">
                      <PublishedText text={eventTitle(e, locale)} locale={locale} />
                      {e.description ? (
                        <p className="events-table__description muted">
                          <PublishedText text={e.description} locale={locale} prose />
                        </p>
                      ) : null}
                    </th>
                    <td className="source-cell">{e.source ? <SourceLink source={e.source} locale={locale} quote={e.quote} /> : null}</td>
                    {admin ? (
                      <td>
                        <EventRowActions
                          labels={t.events}
                          zones={zoneOptions}
                          kinds={EVENT_KINDS}
                          id={e.id}
                          title={eventTitle(e, locale)}
                          initial={eventBody(e)}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
