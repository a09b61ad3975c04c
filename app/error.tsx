"use client";
// The friendly error page: says what happened in plain words, never a stack trace.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const zh = typeof document !== "undefined" && document.documentElement.lang.startsWith("zh");
  return (
    <div className="error-page" role="alert">
      <h1>{zh ? "页面无法显示" : "This page could not be shown"}</h1>
      <p>
        {zh
          ? "服务器暂时无法读取数据。如果数据库不可用，请检查服务器日志中的提示（例如 DATABASE_URL 是否正确）。"
          : "The server could not read the data for this page. If the database is unavailable, the server's log says why (for example, a wrong DATABASE_URL)."}
      </p>
      {error.digest ? (
        <p className="muted">
          {zh ? "错误编号" : "Error reference"}: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        {zh ? "重试" : "Try again"}
      </button>
    </div>
  );
}
