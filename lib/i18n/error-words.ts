// The words of the friendly error page, in both languages: shown by app/error.tsx when a page fails,
// and by the proxy (proxy.ts) as the 503 page while the database is unavailable.

export const ERROR_PAGE_WORDS = {
  en: {
    title: "This page could not be shown",
    body: "The server could not read the data for this page. If the database is unavailable, the server's log says why (for example, a wrong DATABASE_URL).",
    reference: "Error reference",
    retry: "Try again",
    reason: "Reason",
  },
  zh: {
    title: "页面无法显示",
    body: "服务器暂时无法读取数据。如果数据库不可用，请检查服务器日志中的提示（例如 DATABASE_URL 是否正确）。",
    reference: "错误编号",
    retry: "重试",
    reason: "原因",
  },
} as const;

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The whole 503 page for an unavailable database: the friendly page's words and the plain reason. */
export function unavailablePage(locale: "en" | "zh", reason: string, retryHref: string): string {
  const t = ERROR_PAGE_WORDS[locale];
  return `<!doctype html>
<html lang="${locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)} · ftz-monitor</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:40rem;margin:4rem auto;padding:0 1rem}a{color:#0b57d0}</style></head>
<body><main class="error-page" role="alert"><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p><p>${escape(t.reason)}: ${escape(reason)}</p><p><a href="${escape(retryHref)}">${escape(t.retry)}</a></p></main></body></html>`;
}
