import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { setLocale } from "@/app/actions/locale";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { NavLinks } from "@/components/ui/nav-links";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ftz-monitor", template: "%s · ftz-monitor" },
  description: "Sourced figures for China's pilot free trade zones: compare zones, follow indicators, export for reports.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = messages(locale);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                ◆
              </span>
              {t.appName}
            </Link>
            <nav aria-label={t.nav.main} className="site-nav">
              <NavLinks
                links={[
                  { href: "/", label: t.nav.overview },
                  { href: "/china", label: t.nav.china },
                  { href: "/compare", label: t.nav.compare },
                  { href: "/monitor", label: t.nav.monitor },
                  { href: "/zones", label: t.nav.zones },
                  { href: "/indicators", label: t.nav.indicators },
                  { href: "/data", label: t.nav.data },
                  { href: "/coverage", label: t.nav.coverage },
                  { href: "/reports", label: t.nav.reports },
                  { href: "/import", label: t.nav.import },
                ]}
              />
            </nav>
            <LanguageSwitch locale={locale} t={t} action={setLocale} />
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
