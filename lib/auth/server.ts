// Who may write: checked at every write route, action and page. Reads never call this.
import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { adminLimiter, clientAddress, tooManyMessage } from "./limiter.ts";
import { isAdminToken, readSession, SESSION_COOKIE, type AdminSession } from "./session.ts";

export const NOT_CONFIGURED_MESSAGE =
  "Writes are switched off on this server: no admin token is configured. Set FTZ_ADMIN_TOKEN (16+ characters) and restart to allow imports and edits.";

export type Admin = { actor: string; via: "token" | "session" };

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The host of an Origin header; undefined for `null` (sandboxed pages, file://) or anything unparsable. */
function originHost(origin: string): string | undefined {
  try {
    return origin === "null" ? undefined : new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request comes from this site's own pages. An `Origin: null` is never this site, whatever
 * Sec-Fetch-Site says; without either header (curl, old browsers) the request is not cross-site.
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === "null") return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const host = request.headers.get("host");
  return !origin || (host !== null && originHost(origin) === host);
}

function configuredToken(): string {
  const token = getEnv().adminToken;
  if (!token) throw new AppError("not_configured", NOT_CONFIGURED_MESSAGE);
  return token;
}

export function isWriteConfigured(): boolean {
  return Boolean(getEnv().adminToken);
}

/** The signed-in admin of a page or server action, if any. */
export async function getAdminSession(): Promise<AdminSession | undefined> {
  const token = getEnv().adminToken;
  if (!token) return undefined;
  return readSession((await cookies()).get(SESSION_COOKIE)?.value, token, Date.now());
}

/** For server actions: the admin, or an AppError (401, or 503 when writes are not configured). */
export async function requireAdminSession(): Promise<Admin> {
  configuredToken();
  const session = await getAdminSession();
  if (!session) throw new AppError("unauthorized", "Sign in as an admin first.");
  return { actor: session.actor, via: "session" };
}

/**
 * For route handlers: a Bearer token, or the session cookie of a same-origin request (the upload page).
 * Throws AppError 401 without either; 503 when no token is configured.
 */
export async function requireAdminRequest(request: Request): Promise<Admin> {
  const token = configuredToken();
  const authorization = request.headers.get("authorization");
  if (authorization) {
    // Too many wrong tokens from this address: refused before this one is even compared.
    const limiter = adminLimiter();
    const address = clientAddress(request.headers);
    const wait = limiter.retryAfter(address, Date.now());
    if (wait > 0) throw new AppError("too_many_requests", tooManyMessage(wait), { retry_after_seconds: wait });
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match && isAdminToken(match[1], token)) {
      limiter.forget(address);
      const actor = request.headers.get("x-actor")?.trim().slice(0, 80);
      return { actor: actor || "api", via: "token" };
    }
    limiter.record(address, Date.now());
    throw new AppError("unauthorized", "The Bearer token is not this server's admin token.");
  }
  const session = readSession(cookieValue(request.headers.get("cookie"), SESSION_COOKIE), token, Date.now());
  if (session) {
    // A cookie rides along on cross-site requests too; only accept it from this site's own pages.
    if (!isSameOrigin(request)) {
      throw new AppError(
        "forbidden",
        `Cross-site requests cannot use the admin session (Origin: ${request.headers.get("origin") ?? "none"}): use the site's own pages, or send Authorization: Bearer <FTZ_ADMIN_TOKEN>.`,
      );
    }
    return { actor: session.actor, via: "session" };
  }
  throw new AppError("unauthorized", "Writing needs an admin: send Authorization: Bearer <FTZ_ADMIN_TOKEN>, or sign in on the site.");
}

/**
 * The admin behind a request if it carries admin credentials; undefined when it carries none (or
 * writes are not configured). Wrong credentials still fail as in requireAdminRequest.
 */
export async function optionalAdminRequest(request: Request): Promise<Admin | undefined> {
  if (!isWriteConfigured()) return undefined;
  const hasSession = cookieValue(request.headers.get("cookie"), SESSION_COOKIE) !== undefined;
  if (!request.headers.get("authorization") && !hasSession) return undefined;
  try {
    return await requireAdminRequest(request);
  } catch (error) {
    // An expired or foreign session cookie is no credential at all.
    if (error instanceof AppError && error.code === "unauthorized" && !request.headers.get("authorization")) return undefined;
    throw error;
  }
}
