// The reader's language on the server: the `ftz-lang` cookie set by the language switch, else English.
import "server-only";
import { cookies } from "next/headers";
import { LOCALES, type Locale } from "../domain/format.ts";

export const LOCALE_COOKIE = "ftz-lang";

export function parseLocale(value: string | undefined | null): Locale | undefined {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : undefined;
}

export async function getLocale(): Promise<Locale> {
  return parseLocale((await cookies()).get(LOCALE_COOKIE)?.value) ?? "en";
}
