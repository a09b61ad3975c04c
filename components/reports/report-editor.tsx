"use client";
// The report editor: the draft kept in this browser — title, notes, language and the ordered charts
// and tables added from the compare and zone pages. It previews and prints (a link carrying the
// draft), downloads a PDF (a form post, so a long draft fits), and saves: a new report, or changes to
// the saved one this browser holds the edit key of.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fill, type Messages } from "@/lib/i18n/messages";
import { encodeReport } from "@/lib/validation/report-link";
import { editKey, EMPTY_DRAFT, rememberEditKey, useDraft, useHasEditKey, type Draft, type DraftItem } from "./draft";

/** Longer preview links than this would overflow a server's request-line limit. */
const MAX_LINK = 8000;

/** admin: the signed-in admin, who may change any saved report. */
type Props = { locale: "en" | "zh"; labels: Messages["reports"]; admin: boolean };

function payload(draft: Draft, locale: "en" | "zh") {
  return { title: draft.title.trim(), notes: draft.notes, locale: draft.locale ?? locale, items: draft.items };
}

export function ReportEditor({ locale, labels, admin }: Props) {
  const router = useRouter();
  const [draft, update] = useDraft();
  const [status, setStatus] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const body = payload({ ...draft, title: draft.title.trim() || labels.untitled }, locale);
  const link = encodeReport(body);
  const canUse = draft.items.length > 0;
  const owned = useHasEditKey(draft.id ?? "");

  const setItem = (index: number, patch: Partial<DraftItem>) =>
    update((d) => ({ ...d, items: d.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const move = (index: number, by: -1 | 1) =>
    update((d) => {
      const items = [...d.items];
      const [item] = items.splice(index, 1);
      if (item) items.splice(index + by, 0, item);
      return { ...d, items };
    });

  const save = async () => {
    setSaving(true);
    setStatus({ kind: "info", text: labels.saving });
    try {
      const key = draft.id ? editKey(draft.id) : undefined;
      const editing = draft.id && (key || admin) ? draft.id : undefined;
      const response = await fetch(editing ? `/api/reports/${editing}` : "/api/reports", {
        method: editing ? "PUT" : "POST",
        headers: { "content-type": "application/json", ...(editing && key ? { "x-report-key": key } : {}) },
        body: JSON.stringify(payload(draft, locale)),
      });
      const result = (await response.json()) as { id?: string; editKey?: string; error?: { message: string } };
      if (!response.ok || !result.id) throw new Error(result.error?.message ?? response.statusText);
      if (result.editKey) rememberEditKey(result.id, result.editKey);
      update((d) => ({ ...d, id: result.id }));
      setStatus({ kind: "info", text: labels.savedAs });
      router.push(`/reports/${result.id}`);
    } catch (error) {
      setStatus({ kind: "error", text: fill(labels.saveFailed, { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel report-editor" aria-labelledby="draft-title">
      <header className="report-editor__head">
        <h2 id="draft-title">{labels.draft}</h2>
        {draft.id ? (
          <p className="muted">
            {fill(labels.editing, { id: draft.id })} · <Link href={`/reports/${draft.id}`}>{labels.open}</Link>
          </p>
        ) : null}
      </header>
      <div className="form-grid">
        <label className="field">
          <span>{labels.reportTitle}</span>
          <input
            type="text"
            value={draft.title}
            maxLength={200}
            placeholder={labels.untitled}
            onChange={(e) => update((d) => ({ ...d, title: e.target.value }))}
          />
        </label>
        <label className="field">
          <span>{labels.language}</span>
          <select value={draft.locale ?? locale} onChange={(e) => update((d) => ({ ...d, locale: e.target.value === "zh" ? "zh" : "en" }))}>
            <option value="en" lang="en">
              English
            </option>
            <option value="zh">中文</option>
          </select>
        </label>
        <label className="field field--wide">
          <span>{labels.notes}</span>
          <textarea rows={4} value={draft.notes} maxLength={20_000} onChange={(e) => update((d) => ({ ...d, notes: e.target.value }))} />
        </label>
      </div>

      <h3>
        {labels.items} <span className="muted">({fill(labels.itemCount, { n: draft.items.length })})</span>
      </h3>
      {draft.items.length === 0 ? (
        <p className="notice">{labels.draftEmpty}</p>
      ) : (
        <ol className="report-items">
          {draft.items.map((item, index) => (
            <li key={`${index}-${item.view}`} className="report-items__item">
              <div className="report-items__head">
                <strong>{item.title || item.view}</strong>
                <Link href={`/compare?${item.view}`}>{labels.openCompare}</Link>
              </div>
              <div className="report-items__controls">
                <label className="check">
                  <input type="checkbox" checked={item.showChart} onChange={(e) => setItem(index, { showChart: e.target.checked })} />
                  <span>{labels.showChart}</span>
                </label>
                <label className="check">
                  <input type="checkbox" checked={item.showTable} onChange={(e) => setItem(index, { showTable: e.target.checked })} />
                  <span>{labels.showTable}</span>
                </label>
                <span className="report-items__buttons">
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`${labels.up}: ${item.title}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={index === draft.items.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`${labels.down}: ${item.title}`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => update((d) => ({ ...d, items: d.items.filter((_, i) => i !== index) }))}
                    aria-label={`${labels.remove}: ${item.title}`}
                  >
                    {labels.remove}
                  </button>
                </span>
              </div>
              <label className="field">
                <span>{labels.note}</span>
                <textarea rows={2} value={item.note} maxLength={4000} onChange={(e) => setItem(index, { note: e.target.value })} />
              </label>
            </li>
          ))}
        </ol>
      )}

      <div className="report-editor__actions">
        {canUse && link.length <= MAX_LINK ? (
          <Link className="button" href={`/reports/preview?d=${link}`}>
            {labels.preview}
          </Link>
        ) : (
          <button type="button" className="button" disabled title={canUse ? labels.tooLong : labels.draftEmpty}>
            {labels.preview}
          </button>
        )}
        <form method="post" action="/api/reports/pdf">
          <input type="hidden" name="report" value={JSON.stringify(body)} />
          <button type="submit" className="button button--quiet" disabled={!canUse}>
            {labels.pdf}
          </button>
        </form>
        <button type="button" className="button" disabled={!canUse || saving} onClick={() => void save()}>
          {draft.id && (owned || admin) ? labels.update : labels.save}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={saving || (!canUse && !draft.title && !draft.notes && !draft.id)}
          onClick={() => {
            if (window.confirm(labels.confirmReplace)) update(() => EMPTY_DRAFT);
          }}
        >
          {labels.clear}
        </button>
      </div>
      {canUse && link.length > MAX_LINK ? <p className="muted">{labels.tooLong}</p> : null}
      {status ? (
        <p className={status.kind === "error" ? "notice notice--bad" : "muted"} role={status.kind === "error" ? "alert" : "status"}>
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
