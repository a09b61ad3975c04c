// Two buttons that post the chosen language to a server action; works without JavaScript.
import type { Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";

export function LanguageSwitch({ locale, t, action }: { locale: Locale; t: Messages; action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action} className="language-switch" aria-label={t.language.label}>
      {(["en", "zh"] as const).map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          aria-pressed={locale === option}
          lang={option === "zh" ? "zh-CN" : "en"}
        >
          {t.language[option]}
        </button>
      ))}
    </form>
  );
}
