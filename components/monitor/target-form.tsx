"use client";
// An admin sets a target: zone, flow indicator, year, the value and unit as published, and its
// source. The server checks it exactly as an imported target and answers with the reasons.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Messages } from "@/lib/i18n/messages";

type Option = { code: string; label: string };
type Props = { zones: Option[]; indicators: Option[]; year: number; t: Messages["monitor"] };
type Problem = { message: string; column?: string };

export function TargetForm({ zones, indicators, year, t }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== ""));
    setBusy(true);
    setStatus(null);
    try {
      const response = await fetch("/api/targets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { errors?: Problem[]; error?: { message: string } };
      if (!response.ok) {
        const reasons = result.errors?.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)) ?? [
          result.error?.message ?? response.statusText,
        ];
        setStatus({ kind: "error", text: reasons.join(" · ") });
        return;
      }
      setStatus({ kind: "ok", text: t.saved });
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="target-form form-grid" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span>{t.zone}</span>
        <select name="zone" required>
          {zones.map((z) => (
            <option key={z.code} value={z.code}>
              {z.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.indicator}</span>
        <select name="indicator" required>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.year}</span>
        <input name="year" type="number" min={1990} max={2100} defaultValue={year} required />
      </label>
      <label className="field">
        <span>{t.value}</span>
        <input name="value" inputMode="decimal" required placeholder="1,200" />
      </label>
      <label className="field">
        <span>{t.unit}</span>
        <input name="unit" required placeholder="亿元" />
      </label>
      <label className="field">
        <span>{t.sourceTitle}</span>
        <input name="source_title" />
      </label>
      <label className="field field--wide">
        <span>{t.sourceUrl}</span>
        <input name="source_url" type="url" placeholder="https://" />
      </label>
      <div className="field field--wide">
        <button type="submit" className="button" disabled={busy}>
          {t.save}
        </button>
        {status ? (
          <p className={status.kind === "error" ? "notice notice--bad" : "muted"} role={status.kind === "error" ? "alert" : "status"}>
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
