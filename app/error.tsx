"use client";
// The friendly error page: says what happened in plain words, never a stack trace.
import { useEffect } from "react";
import { ERROR_PAGE_WORDS } from "@/lib/i18n/error-words";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const zh = typeof document !== "undefined" && document.documentElement.lang.startsWith("zh");
  const t = ERROR_PAGE_WORDS[zh ? "zh" : "en"];
  return (
    <div className="error-page" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error.digest ? (
        <p className="muted">
          {t.reference}: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
