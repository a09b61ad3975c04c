import type { Metadata } from "next";
import Link from "next/link";
import { DataExplorer } from "@/components/data/data-explorer";
import { localizeTable } from "@/components/data/explorer-data";
import { getPrisma } from "@/lib/bootstrap";
import { getObservationTable, listYears } from "@/lib/db/queries/observation-table";
import { AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { DATA_LIST_PARAMS, DataViewSchema } from "@/lib/validation/data";
import { parseParams } from "@/lib/validation/params";
import { searchParamsUrl } from "@/lib/validation/search-params";
import { flatQuery } from "@/lib/validation/search-query";

export const metadata: Metadata = { title: "Data explorer" };

export default async function DataPage({ searchParams }: PageProps<"/data">) {
  const locale = await getLocale();
  const t = messages(locale);
  const raw = await searchParams;
  const head = (
    <div className="page-head">
      <h1>{t.data.title}</h1>
      <p className="lede">{t.data.intro}</p>
    </div>
  );
  let view, table, years;
  try {
    view = parseParams(searchParamsUrl("/data", raw), DataViewSchema, DATA_LIST_PARAMS);
    const prisma = await getPrisma();
    // An unknown zone or indicator code in the link is found by the query: the same notice as a bad parameter.
    [table, years] = await Promise.all([getObservationTable(prisma, view), listYears(prisma)]);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <>
        {head}
        <div className="notice notice--warn" role="status">
          <h2>{t.compare.badLink}</h2>
          <p>{error.message}</p>
          <p>
            <Link href="/data">{t.compare.reset}</Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      {/* Wide tables: the page widens from its first byte (a rule on what comes later would shift the page as it arrives). */}
      <span className="layout-wide" hidden />
      {head}
      <DataExplorer
        basePath="/data"
        query={flatQuery(raw)}
        table={localizeTable(table, locale, t)}
        locale={locale}
        labels={{ ...t.data, status: t.status }}
        years={years}
      />
    </>
  );
}
