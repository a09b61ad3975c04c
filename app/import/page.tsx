import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOut } from "@/app/actions/auth";
import { ImportForm } from "@/components/import/import-form";
import { ImportHistory } from "@/components/import/import-history";
import { getAdminSession, isWriteConfigured } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listImports } from "@/lib/db/queries/imports";
import { getEnv } from "@/lib/env";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const locale = await getLocale();
  const t = messages(locale);
  if (!isWriteConfigured()) {
    return (
      <div className="narrow">
        <h1>{t.import.title}</h1>
        <div className="notice notice--warn" role="status">
          <h2>{t.auth.notConfiguredTitle}</h2>
          <p>{t.auth.notConfigured}</p>
        </div>
      </div>
    );
  }
  const session = await getAdminSession();
  if (!session) redirect("/sign-in?next=/import");
  const imports = await listImports(await getPrisma(), 50);
  return (
    <>
      <div className="page-head page-head--row">
        <div>
          <h1>{t.import.title}</h1>
          <p className="lede">
            {t.import.intro} <Link href="/help/data-format">{t.import.formatLink}</Link> ·{" "}
            <a href="/templates/ftz-monitor-package.xlsx" download>
              {t.import.template}
            </a>{" "}
            · <Link href="/import/finder">{t.finder.link}</Link>
          </p>
        </div>
        <form action={signOut} className="session-box">
          <span>
            {t.auth.signedInAs} <strong>{session.actor}</strong>
          </span>
          <button type="submit" className="button button--quiet">
            {t.auth.signOut}
          </button>
        </form>
      </div>
      <ImportForm labels={t.import} maxMegabytes={Math.round(getEnv().importMaxBytes / 1024 / 1024)} />
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t.import.history}</h2>
        <ImportHistory imports={imports} locale={locale} labels={t.import} />
      </section>
    </>
  );
}
