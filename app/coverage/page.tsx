import type { Metadata } from "next";
import Link from "next/link";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators, listZones } from "@/lib/db/queries/catalog";
import { getCoverage } from "@/lib/db/queries/coverage";
import { coverageMatrix } from "@/lib/domain/coverage";
import { localName, orderZones, shortZoneName, zoneName } from "@/lib/domain/figures";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { TableDownloads } from "@/components/ui/table-downloads";

export const metadata: Metadata = { title: "Coverage" };

const GROUPS = { ftz: ["ftz", "area"], province: ["country", "province", "city"], port: ["port"], other: ["group"] } as const;
type Group = keyof typeof GROUPS;

export default async function CoveragePage({ searchParams }: PageProps<"/coverage">) {
  const locale = await getLocale();
  const t = messages(locale);
  const raw = await searchParams;
  const group: Group = typeof raw.group === "string" && raw.group in GROUPS ? (raw.group as Group) : "ftz";
  const prisma = await getPrisma();
  const [zoneRows, indicatorRows, counts] = await Promise.all([listZones(prisma), listIndicators(prisma), getCoverage(prisma)]);
  const zones = orderZones(zoneRows);
  const inGroup = zones.filter((z) => (GROUPS[group] as readonly string[]).includes(z.kind));
  const matrix = coverageMatrix(
    counts,
    inGroup.map((z) => z.code),
  );
  const zoneOf = new Map(zones.map((z) => [z.code, z]));
  const indicatorOf = new Map(indicatorRows.map((i) => [i.code, i]));
  const indicators = matrix.indicators.sort(
    (a, b) => (indicatorOf.get(a)?.category ?? "").localeCompare(indicatorOf.get(b)?.category ?? "") || a.localeCompare(b),
  );
  const groupLabels: Record<Group, string> = {
    ftz: t.compare.zoneGroups.ftz,
    province: t.compare.zoneGroups.province,
    port: t.compare.zoneGroups.port,
    other: t.compare.zoneGroups.group,
  };
  const groupCounts = Object.fromEntries(
    Object.entries(GROUPS).map(([g, kinds]) => [
      g,
      zones.filter((z) => (kinds as readonly string[]).includes(z.kind) && counts.some((c) => c.zone === z.code)).length,
    ]),
  );
  const letters = t.coverage.letters;
  return (
    <>
      {/* Wide tables: the page widens from its first byte (a rule on what comes later would shift the page as it arrives). */}
      <span className="layout-wide" hidden />
      <div className="page-head">
        <h1>{t.coverage.title}</h1>
        <p className="lede">{t.coverage.intro}</p>
        <TableDownloads api="/api/coverage" labels={t.exports} locale={locale} />
      </div>
      <nav className="chips" aria-label={t.coverage.kinds}>
        {(Object.keys(GROUPS) as Group[])
          .filter((g) => groupCounts[g])
          .map((g) => (
            <Link key={g} href={g === "ftz" ? "/coverage" : `/coverage?group=${g}`} aria-current={g === group ? "page" : undefined}>
              {groupLabels[g]} ({groupCounts[g]})
            </Link>
          ))}
      </nav>
      <div className="panel coverage-panel">
        <p className="coverage-legend" aria-hidden="true">
          <span className="sq sq--period">{letters.period}</span> {t.data.basisName.period}{" "}
          <span className="sq sq--ytd">{letters.ytd}</span> {t.data.basisName.ytd}{" "}
          <span className="sq sq--cumulative">{letters.cumulative}</span> {t.data.basisName.cumulative}{" "}
          <span className="sq sq--point">{letters.point}</span> {t.data.basisName.point} <span className="sq sq--period">+</span>{" "}
          {t.coverage.several} <span className="sq" /> {t.coverage.none} · {t.coverage.years}: {matrix.years[0]}–{matrix.years.at(-1)}
        </p>
        <div className="table-wrap">
          <table className="coverage-table">
            <caption className="visually-hidden">{t.coverage.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.indicatorPage.indicator}</th>
                {matrix.zones.map((code) => {
                  const zone = zoneOf.get(code);
                  return (
                    <th key={code} scope="col" className={`coverage-zone coverage-zone--${zone?.kind}`}>
                      <Link href={`/zones/${code}`} title={zone ? zoneName(zone, locale) : code}>
                        {zone ? shortZoneName(zoneName(zone, locale)) : code}
                      </Link>
                    </th>
                  );
                })}
              </tr>
              <tr className="coverage-years">
                <th scope="row">{t.coverage.years}</th>
                {matrix.zones.map((code) => (
                  <td key={code}>
                    <span className="strip-years" style={{ width: `${matrix.years.length * 12 - 1}px` }}>
                      <span>{matrix.years[0]}</span>
                      <span>{matrix.years.at(-1)}</span>
                    </span>
                  </td>
                ))}
              </tr>
            </thead>
            <tbody>
              {indicators.map((code) => {
                const indicator = indicatorOf.get(code);
                const name = indicator ? localName(indicator, locale) : code;
                return (
                  <tr key={code}>
                    <th scope="row">
                      <Link href={`/indicators/${code}`}>{name}</Link>
                    </th>
                    {matrix.zones.map((zone) => {
                      const cell = matrix.cell(code, zone);
                      if (!cell) {
                        return (
                          <td key={zone} aria-label={t.coverage.none}>
                            <span className="strip strip--empty" aria-hidden="true">
                              {matrix.years.map((y) => (
                                <span key={y} className="sq" />
                              ))}
                            </span>
                          </td>
                        );
                      }
                      const label = `${cell.figures}: ${[...cell.years.entries()]
                        .sort((a, b) => a[0] - b[0])
                        .map(([y, bases]) => `${y} ${bases.map((b) => letters[b]).join("")}`)
                        .join(", ")}`;
                      return (
                        <td key={zone}>
                          <Link
                            href={`/data?zone=${zone}&indicator=${code}`}
                            className="strip"
                            aria-label={`${name}, ${zoneName(zoneOf.get(zone) ?? { nameEn: zone, nameZh: null }, locale)}: ${label}`}
                            title={label}
                          >
                            {matrix.years.map((y) => {
                              const bases = cell.years.get(y);
                              return (
                                <span
                                  key={y}
                                  className={`sq${bases ? ` sq--${bases[0]}` : ""}`}
                                  aria-hidden="true"
                                  title={`${y}${bases ? `: ${bases.map((b) => t.data.basisName[b]).join(", ")}` : ""}`}
                                >
                                  {bases ? (bases.length > 1 ? "+" : letters[bases[0] ?? "period"]) : ""}
                                </span>
                              );
                            })}
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
