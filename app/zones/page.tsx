import type { Metadata } from "next";
import Link from "next/link";
import { getPrisma } from "@/lib/bootstrap";
import { listZones } from "@/lib/db/queries/catalog";
import { localRowName, orderZones } from "@/lib/domain/figures";
import { formatArea, formatDate } from "@/lib/domain/format";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { TableDownloads } from "@/components/ui/table-downloads";
import type { ZoneKind } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Zones" };

export default async function ZonesPage() {
  const locale = await getLocale();
  const t = messages(locale);
  const zones = await listZones(await getPrisma());
  const ordered = orderZones(zones.map((z) => ({ ...z, kind: z.kind as ZoneKind, parentCode: z.parent })));
  const depth = (code: string | null, seen = 0): number => {
    const zone = zones.find((z) => z.code === code);
    return zone && zone.kind === "area" && seen < 5 ? 1 + depth(zone.parent, seen + 1) : 0;
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
                  <Link href={`/zones/${zone.code}`}>{localRowName(zone, locale)}</Link>
                  <span className="muted" lang={locale === "zh" ? "en" : "zh-CN"}>
                    {" "}
                    {locale === "zh" ? zone.name_en : (zone.name_zh ?? "")}
                  </span>
                </th>
                <td>{t.zone.kind[zone.kind]}</td>
                <td>{zone.established_on ? formatDate(zone.established_on, locale) : "—"}</td>
                <td className="num">{zone.area_km2 ? formatArea(zone.area_km2, locale) : "—"}</td>
                <td className="num">{zone.observations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
