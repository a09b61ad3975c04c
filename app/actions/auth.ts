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
import { getEnv } from "@/lib/env";

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const token = getEnv().adminToken;
  if (!token) return { error: "not_configured" };
  const given = String(formData.get("token") ?? "").trim();
  if (!isAdminToken(given, token)) return { error: "wrong_token" };
  const { value } = createSession(String(formData.get("name") ?? ""), token, Date.now());
  const requestHeaders = await headers();
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
