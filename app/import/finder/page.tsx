import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FigureFinder } from "@/components/import/figure-finder";
import { getAdminSession, isWriteConfigured } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators, listZones } from "@/lib/db/queries/catalog";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Figure finder" };

export default async function FigureFinderPage() {
  const locale = await getLocale();
  const t = messages(locale);
  if (!isWriteConfigured()) {
    return (
      <div className="narrow">
        <h1>{t.finder.title}</h1>
        <div className="notice notice--warn" role="status">
          <h2>{t.auth.notConfiguredTitle}</h2>
          <p>{t.auth.notConfigured}</p>
        </div>
      </div>
    );
  }
  if (!(await getAdminSession())) redirect("/sign-in?next=/import/finder");
  const prisma = await getPrisma();
  const [zones, indicators] = await Promise.all([listZones(prisma), listIndicators(prisma)]);
  return (
    <>
      <div className="page-head">
        <h1>{t.finder.title}</h1>
        <p className="lede">
          {t.finder.intro} <Link href="/import">{t.import.title}</Link>
        </p>
      </div>
      <FigureFinder labels={t.finder} importLabels={t.import} zones={zones.map((z) => z.code)} indicators={indicators.map((i) => i.code)} />
    </>
  );
}
