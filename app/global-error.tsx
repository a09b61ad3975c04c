"use client";
// Last resort when the root layout itself fails (for example the database cannot be reached at all).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem", color: "#1a1f2b" }}>
        <h1>ftz-monitor is not available</h1>
        <p>The server could not prepare this page. Its log says why (for example, the database cannot be reached).</p>
        {error.digest ? (
          <p>
            Error reference: <code>{error.digest}</code>
          </p>
        ) : null}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
