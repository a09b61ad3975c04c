"use server";
// Sign in with the admin token (a signed session cookie, 7 days) and sign out.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  canUseSecureCookie,
  createSession,
  isAdminToken,
  safeRedirectPath,
  SESSION_COOKIE,
  SESSION_DAYS,
  type SignInState,
} from "@/lib/auth/session";
import { adminLimiter, clientAddress } from "@/lib/auth/limiter";
import { getEnv } from "@/lib/env";

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const token = getEnv().adminToken;
  if (!token) return { error: "not_configured" };
  const requestHeaders = await headers();
  const limiter = adminLimiter();
  const address = clientAddress(requestHeaders);
  const wait = limiter.retryAfter(address, Date.now());
  if (wait > 0) return { error: "too_many_attempts", retryAfterSeconds: wait };
  const given = String(formData.get("token") ?? "").trim();
  if (!isAdminToken(given, token)) {
    limiter.record(address, Date.now());
    return { error: "wrong_token" };
  }
  limiter.forget(address);
  const { value } = createSession(String(formData.get("name") ?? ""), token, Date.now());
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  (await cookies()).set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: canUseSecureCookie(protocol, requestHeaders.get("host") ?? ""),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
  redirect(safeRedirectPath(formData.get("next")));
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/");
}
