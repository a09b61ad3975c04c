import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CompareChart } from "@/components/compare/compare-chart";
import { CompareControls, type Option, type OptionGroup } from "@/components/compare/compare-controls";
import { CompareTable, SourceList } from "@/components/compare/compare-table";
import { SamePeriodsView } from "@/components/compare/same-periods";
import { samePeriods } from "@/lib/domain/same-periods";
import { ExportMenu } from "@/components/ui/export-menu";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators, listZones } from "@/lib/db/queries/catalog";
import { getCoverage } from "@/lib/db/queries/coverage";
import { loadComparison } from "@/lib/db/queries/series";
import { chartModel, drawnChart } from "@/lib/domain/chart-model";
import { pickDefault, type BasisChoice } from "@/lib/domain/compare";
import { orderZones } from "@/lib/domain/figures";
import { FREQUENCIES } from "@/lib/domain/series";
import { TRANSFORMS } from "@/lib/domain/transforms";
import { AppError } from "@/lib/errors";
import { chartWords } from "@/lib/i18n/chart-words";
import { fill, messages } from "@/lib/i18n/messages";
import { localName } from "@/lib/domain/figures";
import { describeSeriesError } from "@/lib/i18n/series";
import { getLocale } from "@/lib/i18n/server";
import { CompareViewSchema, viewQuery, type CompareView } from "@/lib/validation/compare";
import { parseParams } from "@/lib/validation/params";
import { searchParamsUrl } from "@/lib/validation/search-params";
import { BASES, type ZoneKind } from "@/lib/domain/vocabulary";
import { selectableGroups } from "@/lib/domain/peer-groups";
import { chinaWords } from "@/lib/i18n/china-words";

export const metadata: Metadata = { title: "Compare" };

const DEFAULT_ZONES = ["anhui-ftz", "zhejiang-ftz"];

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  const locale = await getLocale();
  const t = messages(locale);
  const prisma = await getPrisma();
  const url = searchParamsUrl("/compare", await searchParams);
  const name = (item: { nameEn: string; nameZh: string | null }) => localName(item, locale);

  const [indicatorRows, zoneRows] = await Promise.all([listIndicators(prisma), listZones(prisma)]);
  const known = new Set(zoneRows.map((z) => z.code));

  // A view without an indicator or zones gets the defaults, written into the URL so the link reproduces it.
  if (!url.searchParams.get("indicator") || !url.searchParams.get("zones")) {
    const zones = (url.searchParams.get("zones")?.split(",") ?? DEFAULT_ZONES).filter((z) => known.has(z));
    const chosen = zones.length
      ? zones
      : zoneRows
          .filter((z) => z.observations > 0)
          .slice(0, 2)
          .map((z) => z.code);
    const notComparable = new Set(indicatorRows.filter((i) => !i.comparable).map((i) => i.code));
    const pick = url.searchParams.get("indicator")
      ? undefined
      : pickDefault(await getCoverage(prisma, { zones: chosen }), chosen, notComparable);
    const indicator = url.searchParams.get("indicator") ?? pick?.indicator ?? indicatorRows.find((i) => i.observations > 0)?.code;
    if (!indicator || chosen.length === 0) return <EmptyState t={t} />;
    // The basis is left to the comparison, which takes the one with the most points and says so.
    redirect(`/compare?${viewQuery({ indicator, zones: chosen })}`);
  }

  let view: CompareView;
  try {
    view = parseParams(url, CompareViewSchema, ["zones"]);
  } catch (error) {
    if (error instanceof AppError) return <Problem title={t.compare.badLink} message={error.message} t={t} />;
    throw error;
  }
  let loaded: Awaited<ReturnType<typeof loadComparison>>;
  try {
    loaded = await loadComparison(prisma, view);
  } catch (error) {
    if (error instanceof AppError) return <Problem title={t.compare.badLink} message={error.message} t={t} />;
    throw error;
  }
  const { data, comparison } = loaded;

  // The choices, with how many figures stand behind each.
  const counts = await getCoverage(prisma, { indicator: view.indicator });
  const perZone = new Map<string, number>();
  for (const row of counts) perZone.set(row.zone, (perZone.get(row.zone) ?? 0) + row.n);
  const indicatorGroups = new Map<string, Option[]>();
  for (const row of indicatorRows) {
    const group = row.category ?? "other";
    indicatorGroups.set(group, [
      ...(indicatorGroups.get(group) ?? []),
      { value: row.code, label: name(row), hint: String(row.observations) },
    ]);
  }
  const zoneGroups = new Map<string, Option[]>();
  const groupOf = (kind: ZoneKind): keyof typeof t.compare.zoneGroups =>
    kind === "ftz" || kind === "area"
      ? "ftz"
      : kind === "province" || kind === "country"
        ? "province"
        : kind === "port"
          ? "port"
          : kind === "city"
            ? "city"
            : "group";
  for (const zone of orderZones(zoneRows)) {
    const group = t.compare.zoneGroups[groupOf(zone.kind)];
    const n = perZone.get(zone.code);
    zoneGroups.set(group, [
      ...(zoneGroups.get(group) ?? []),
      { value: zone.code, label: `${zone.kind === "area" ? "– " : ""}${name(zone)}`, ...(n ? { hint: `(${n})` } : {}) },
    ]);
  }
  const pointsOn = "problem" in comparison ? {} : comparison.basis.points;
  const bases: Option[] = [
    { value: "", label: t.compare.basisAuto },
    ...BASES.map((b) => ({ value: b, label: t.series.basis[b], hint: fill(t.compare.points, { n: pointsOn[b] ?? 0 }) })),
  ];
  const freqs: Option[] = [{ value: "", label: t.series.freq.auto }, ...FREQUENCIES.map((f) => ({ value: f, label: t.series.freq[f] }))];
  const transforms: Option[] = TRANSFORMS.map((tr) => ({ value: tr, label: t.series.transform[tr] }));
  const years = [...new Set(data.zones.flatMap((z) => z.observations.map((o) => Number(o.end.slice(0, 4)))))].sort();
  const controls = (
    <CompareControls
      view={view}
      indicators={[...indicatorGroups].map(([label, options]) => ({ label, options })) satisfies OptionGroup[]}
      zones={[...zoneGroups].map(([label, options]) => ({ label, options }))}
      bases={bases}
      freqs={freqs}
      transforms={transforms}
      baseOptions={[
        { value: "first", label: t.compare.baseFirst },
        { value: "launch", label: t.compare.baseLaunch },
        ...years.map((y) => ({ value: String(y), label: String(y) })),
      ]}
      years={years}
      labels={t.compare}
      peerGroups={selectableGroups(known).map(({ group, zones }) => ({
        id: group.id,
        label: localName(group, locale),
        zones,
      }))}
      peerGroupsLabel={chinaWords(locale).groups}
    />
  );

  if ("problem" in comparison) {
    const zone = data.zones.find((z) => z.code === comparison.problem.zone);
    return (
      <>
        <Head t={t} />
        {controls}
        <div className="notice notice--warn" role="status">
          <h2>{t.compare.problemTitle}</h2>
          <p>{describeSeriesError(comparison.problem.error, locale, zone ? localName(zone, locale) : "")}</p>
        </div>
      </>
    );
  }

  const model = chartModel(data, comparison.series, comparison.unit, view, locale, chartWords(locale));
  const apiQuery = viewQuery({ ...view, chart: undefined, axis: undefined, view: undefined });
  const tabs = (
    <nav className="chips view-tabs" aria-label={t.compare.viewSame}>
      <Link href={`/compare?${viewQuery({ ...view, view: "chart" })}`} aria-current={view.view === "chart" ? "page" : undefined}>
        {t.compare.viewChart}
      </Link>
      <Link href={`/compare?${viewQuery({ ...view, view: "same" })}`} aria-current={view.view === "same" ? "page" : undefined}>
        {t.compare.viewSame}
      </Link>
    </nav>
  );
  if (view.view === "same") {
    return (
      <>
        <Head t={t} />
        {controls}
        {tabs}
        <SamePeriodsView
          result={samePeriods(data.zones)}
          zones={model.series.map((s) => ({ code: s.key, label: s.label, color: s.color }))}
          indicator={data.indicator}
          sources={data.sources}
          locale={locale}
          t={t}
        />
      </>
    );
  }
  return (
    <>
      <Head t={t} />
      {controls}
      {tabs}
      <section className="panel chart-panel" aria-labelledby="chart-title">
        <header className="chart-panel__head">
          <div>
            <h2 id="chart-title">{model.title}</h2>
            <p className="chart-panel__subtitle">{model.subtitle}</p>
          </div>
          <div className="chart-panel__actions">
            <ExportMenu query={viewQuery(view)} locale={locale} title={model.title} fileBase={fileBase(view)} labels={t.exports} />
            <a className="button button--quiet" href={`/api/series?${apiQuery}${locale === "zh" ? "&lang=zh" : ""}`}>
              {t.compare.openApi}
            </a>
          </div>
        </header>
        <BasisNote view={view} choice={comparison.basis} t={t} />
        {data.indicator.comparable ? null : (
          <p className="notice" data-note="not-comparable">
            {fill(t.compare.notComparable, { indicator: localName(data.indicator, locale) })}
          </p>
        )}
        <CompareChart
          model={drawnChart(model)}
          type={view.chart}
          locale={locale}
          labels={{
            xAxis: view.axis === "launch" ? t.compare.monthsAfterLaunch : "",
            qualifier: t.qualifierNote,
            status: t.status,
            empty: t.compare.empty,
            legendHollow: t.compare.legendHollow,
            events: t.compare.events,
            ariaLabel: fill(t.compare.chartLabel, { title: model.title, zones: model.series.map((s) => s.label).join(", ") }),
          }}
        />
        {model.notes.length ? (
          <div className="series-notes">
            <h3>{t.compare.notes}</h3>
            <ul>
              {model.notes.map((note, i) => (
                <li key={i}>
                  <strong>{note.zone}:</strong> {note.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="table-title">
        <h2 id="table-title">{t.compare.tableTitle}</h2>
        <CompareTable model={model} t={t} caption={`${model.title} — ${model.subtitle}`} />
        <SourceList model={model} title={t.compare.sources} />
      </section>
    </>
  );
}

/** A file name for a view's downloads: indicator and zones, e.g. "new_enterprises-anhui-ftz-zhejiang-ftz". */
function fileBase(view: CompareView): string {
  return [view.indicator, ...view.zones].join("-").slice(0, 120);
}

/** Which basis the chart is drawn on and why; the other bases with their points, a click away. */
function BasisNote({ view, choice, t }: { view: CompareView; choice: BasisChoice; t: ReturnType<typeof messages> }) {
  const others = BASES.filter((b) => b !== choice.basis && (choice.points[b] ?? 0) > 0);
  const n = choice.points[choice.basis] ?? 0;
  return (
    <p className="basis-note" data-basis={choice.basis} data-auto={choice.auto ? "true" : "false"}>
      {fill(choice.auto ? t.compare.basisChosen : t.compare.basisAsked, { basis: t.series.basis[choice.basis], n })}
      {others.length ? (
        <>
          {" "}
          {t.compare.basisOthers}{" "}
          {others.map((b, i) => (
            <span key={b}>
              {i ? ", " : ""}
              <Link href={`/compare?${viewQuery({ ...view, basis: b, freq: undefined, base: undefined })}`}>
                {t.series.basis[b]} ({fill(t.compare.points, { n: choice.points[b] ?? 0 })})
              </Link>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}

function Head({ t }: { t: ReturnType<typeof messages> }) {
  return (
    <div className="page-head">
      <h1>{t.compare.title}</h1>
      <p className="lede">{t.compare.intro}</p>
    </div>
  );
}

function Problem({ title, message, t }: { title: string; message: string; t: ReturnType<typeof messages> }) {
  return (
    <>
      <Head t={t} />
      <div className="notice notice--warn" role="status">
        <h2>{title}</h2>
        <p>{message}</p>
        <p>
          <Link href="/compare">{t.compare.reset}</Link>
        </p>
      </div>
    </>
  );
}

function EmptyState({ t }: { t: ReturnType<typeof messages> }) {
  return (
    <>
      <Head t={t} />
      <p className="notice notice--warn">{t.overview.empty}</p>
    </>
  );
}
