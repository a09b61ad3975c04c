// Runs before every page: while the database is unavailable (lib/availability.ts), a page request gets
// the friendly error page as a 503 with Retry-After and the plain reason, not a 500 after a wait. The
// database is probed at most once a second (up or down), so an outage is seen before a page fails, and
// pages come back by themselves.
import { NextResponse, type NextRequest } from "next/server";
import { currentOutage } from "./lib/availability";
import { RETRY_AFTER_SECONDS } from "./lib/errors";
import { unavailablePage } from "./lib/i18n/error-words";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const reason = await currentOutage(Date.now(), true);
  if (!reason) return NextResponse.next();
  const locale = request.cookies.get("ftz-lang")?.value === "zh" ? "zh" : "en";
  const url = request.nextUrl;
  return new NextResponse(unavailablePage(locale, reason, `${url.pathname}${url.search}`), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}

export const config = {
  // Pages only: the API answers its own 503s in JSON; assets never touch the database.
  matcher: ["/((?!api/|_next/|favicon\\.ico|icon|robots\\.txt|.*\\.[a-zA-Z0-9]+$).*)"],
};
