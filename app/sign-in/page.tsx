import type { Metadata } from "next";
import { headers } from "next/headers";
import { signIn } from "@/app/actions/auth";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isWriteConfigured } from "@/lib/auth/server";
import { canUseSecureCookie, safeRedirectPath } from "@/lib/auth/session";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const t = messages(await getLocale());
  const { next } = await searchParams;
  const requestHeaders = await headers();
  const secure = canUseSecureCookie(requestHeaders.get("x-forwarded-proto") ?? "http", requestHeaders.get("host") ?? "");
  return (
    <div className="narrow">
      <h1>{t.auth.signInTitle}</h1>
      {isWriteConfigured() ? (
        <>
          <p className="lede">{t.auth.signInIntro}</p>
          {secure ? null : <p className="notice notice--warn">{t.auth.insecure}</p>}
          <div className="panel">
            <SignInForm
              action={signIn}
              next={safeRedirectPath(next)}
              labels={{
                token: t.auth.token,
                name: t.auth.name,
                signIn: t.auth.signIn,
                wrongToken: t.auth.wrongToken,
                tooManyAttempts: t.auth.tooManyAttempts,
                notConfigured: t.auth.notConfigured,
              }}
            />
          </div>
        </>
      ) : (
        <div className="notice notice--warn" role="status">
          <h2>{t.auth.notConfiguredTitle}</h2>
          <p>{t.auth.notConfigured}</p>
        </div>
      )}
    </div>
  );
}
