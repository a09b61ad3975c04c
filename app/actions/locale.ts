"use server";
// Remembers the reader's language for a year.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/server";

export async function setLocale(formData: FormData): Promise<void> {
  const locale = parseLocale(String(formData.get("locale")));
  if (!locale) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  revalidatePath("/", "layout");
}
