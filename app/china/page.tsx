import type { Metadata } from "next";
import Link from "next/link";
import { getPrisma } from "@/lib/bootstrap";
import { getNationalData } from "@/lib/db/queries/national";
import { formatPeriod } from "@/lib/domain/format";
import { buildNationalView, TRADE } from "@/lib/domain/national";
import { chinaWords } from "@/lib/i18n/china-words";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { parseNationalQuery } from "@/lib/validation/china";
import { NationalTable } from "@/components/china/national-table";
import { ProvinceFraming } from "@/components/china/province-framing";
import { ProvinceGrid } from "@/components/china/province-grid";
import { TableDownloads } from "@/components/ui/table-downloads";
import "./china.css";
import { localName } from "@/lib/domain/figures";

export const metadata: Metadata = { title: "China's pilot FTZs" };

export default async function ChinaPage({ searchParams }: PageProps<"/china">) {
  const locale = await getLocale();
  const words = chinaWords(locale);
  const t = messages(locale);
  const query = parseNationalQuery(await searchParams);
  const data = await getNationalData(await getPrisma());
  const view = buildNationalView(data, {
    ...(query.sort ? { sort: query.sort } : {}),
    ...(query.dir ? { descending: query.dir === "desc" } : {}),
    samePeriod: query.same === "1",
  });
  const current: Record<string, string> = Object.fromEntries(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const href = (patch: Record<string, string | null>) => {
    const params = new URLSearchParams(current);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const text = params.toString();
    return text ? `/china?${text}` : "/china";
  };
  const sorted = view.indicators.find((i) => i.code === view.sort);
  const gridIndicator =
    view.indicators.find((i) => i.code === query.map && i.comparable) ??
    (sorted?.comparable ? sorted : view.indicators.find((i) => i.code === TRADE));
  const shared = view.sharedPeriod;
  const sharedText = shared ? formatPeriod(shared, shared.basis, locale) : "";
  return (
    <>
      <div className="page-head">
        <h1>{words.title}</h1>
        <p className="lede">{words.intro(data.zones.length)}</p>
        <p className="muted">{words.highlight}</p>
        <TableDownloads api="/api/china" labels={t.exports} locale={locale} label={words.downloads} />
      </div>
      {sorted ? (
        <div className={view.samePeriod ? "notice notice--ok" : view.sortedPeriods > 1 ? "notice notice--warn" : "notice"} role="status">
          {view.samePeriod && shared ? (
            <p>
              {words.samePeriodOn(sharedText, shared.zones)} <Link href={href({ same: null })}>{words.latestAgain}</Link>
            </p>
          ) : (
            <>
              {view.sortedPeriods > 1 ? <p>{words.mixed(view.sortedPeriods)}</p> : null}
              {shared ? (
                <p>
                  <Link className="button" href={href({ same: "1" })} scroll={false}>
                    {words.samePeriodOffer(sharedText, shared.zones)}
                  </Link>
                </p>
              ) : (
                <p>{words.noSharedPeriod}</p>
              )}
            </>
          )}
        </div>
      ) : null}
      <div className="panel">
        <NationalTable
          rows={view.rows}
          indicators={view.indicators}
          locale={locale}
          sort={view.sort}
          descending={view.descending}
          query={current}
        />
        <p className="muted national-footnote">
          {view.indicators
            .filter((i) => !i.comparable)
            .map((i) => `${localName(i, locale)}: ${words.notRanked}.`)
            .join(" ")}
        </p>
      </div>
      {gridIndicator ? (
        <ProvinceGrid
          rows={view.rows}
          indicators={view.indicators}
          indicator={gridIndicator}
          locale={locale}
          hrefFor={(code) => href({ map: code })}
          samePeriodHref={href({ sort: gridIndicator.code, dir: "desc", same: "1" })}
        />
      ) : null}
      <ProvinceFraming rows={view.rows} indicators={data.indicators} locale={locale} />
    </>
  );
}
