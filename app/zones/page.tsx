import type { Metadata } from "next";
import Link from "next/link";
import { getPrisma } from "@/lib/bootstrap";
import { listZones } from "@/lib/db/queries/catalog";
import { localName, orderZones } from "@/lib/domain/figures";
import { formatArea, formatDate } from "@/lib/domain/format";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { TableDownloads } from "@/components/ui/table-downloads";

export const metadata: Metadata = { title: "Zones" };

export default async function ZonesPage() {
  const locale = await getLocale();
  const t = messages(locale);
  const zones = await listZones(await getPrisma());
  const ordered = orderZones(zones);
  const depth = (code: string | null, seen = 0): number => {
    const zone = zones.find((z) => z.code === code);
    return zone && zone.kind === "area" && seen < 5 ? 1 + depth(zone.parentCode, seen + 1) : 0;
  };
  return (
    <>
      <div className="page-head">
        <h1>{t.zonePage.listTitle}</h1>
        <p className="lede">{t.zonePage.listIntro}</p>
        <TableDownloads api="/api/zones" labels={t.exports} locale={locale} />
      </div>
      <div className="panel table-wrap">
        <table className="figures-table">
          <thead>
            <tr>
              <th scope="col">{t.data.col.zone}</th>
              <th scope="col">{t.zonePage.kindColumn}</th>
              <th scope="col">{t.zonePage.launched}</th>
              <th scope="col" className="num">
                {t.zonePage.area}
              </th>
              <th scope="col" className="num">
                {t.zonePage.figuresColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((zone) => (
              <tr key={zone.code}>
                <th scope="row" style={{ paddingLeft: `${0.6 + depth(zone.code) * 1.25}rem` }}>
                  <Link href={`/zones/${zone.code}`}>{localName(zone, locale)}</Link>
                  <span className="muted" lang={locale === "zh" ? "en" : "zh-CN"}>
                    {" "}
                    {locale === "zh" ? zone.nameEn : (zone.nameZh ?? "")}
                  </span>
                </th>
                <td>{t.zone.kind[zone.kind]}</td>
                <td>{zone.establishedOn ? formatDate(zone.establishedOn, locale) : "—"}</td>
                <td className="num">{zone.areaKm2 ? formatArea(zone.areaKm2, locale) : "—"}</td>
                <td className="num">{zone.observations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
