import Link from "next/link";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = messages(await getLocale());
  return (
    <div className="error-page">
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFoundBody}</p>
      <Link href="/" className="button">
        {t.errors.home}
      </Link>
    </div>
  );
}
