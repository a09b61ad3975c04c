"use client";
// The toolbar above a report: print it, download it as PDF, and (for a saved report) edit it — in
// place when this browser holds its edit key or an admin is signed in, otherwise as a copy — or
// delete it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import type { ReportInput } from "@/lib/validation/report";
import { editKey, forgetEditKey, readDraft, useHasEditKey, writeDraft } from "./draft";

type Props = {
  labels: Messages["reports"];
  pdfHref: string;
  /** The saved report, when this is one (not a preview of the draft). */
  saved?: { id: string; report: ReportInput };
  admin?: boolean;
};

export function ReportActions({ labels, pdfHref, saved, admin = false }: Props) {
  const router = useRouter();
  const owned = useHasEditKey(saved?.id ?? "");
  const [error, setError] = useState("");
  const canChange = owned || admin;

  const edit = () => {
    if (!saved) return;
    const current = readDraft();
    const busy = current.items.length > 0 && current.id !== saved.id;
    if (busy && !window.confirm(labels.confirmReplace)) return;
    writeDraft({ ...(canChange ? { id: saved.id } : {}), ...saved.report });
    router.push("/reports");
  };
  const remove = async () => {
    if (!saved || !window.confirm(labels.confirmDelete)) return;
    const key = editKey(saved.id);
    const response = await fetch(`/api/reports/${saved.id}`, { method: "DELETE", headers: key ? { "x-report-key": key } : {} });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(body.error?.message ?? response.statusText);
      return;
    }
    forgetEditKey(saved.id);
    const draft = readDraft();
    if (draft.id === saved.id) writeDraft({ ...draft, id: undefined });
    router.push("/reports");
    router.refresh();
  };

  return (
    <div className="report-toolbar">
      {saved ? null : (
        <Link className="button button--quiet" href="/reports">
          ← {labels.back}
        </Link>
      )}
      <button type="button" className="button" onClick={() => window.print()}>
        {labels.print}
      </button>
      <a className="button button--quiet" href={pdfHref} download>
        {labels.pdf}
      </a>
      {saved ? (
        <>
          <button type="button" className="button button--quiet" onClick={edit}>
            {canChange ? labels.edit : labels.editCopy}
          </button>
          {canChange ? (
            <button type="button" className="button button--quiet" onClick={() => void remove()}>
              {labels.delete}
            </button>
          ) : null}
        </>
      ) : null}
      {owned ? <p className="muted report-toolbar__hint">{labels.ownerHint}</p> : null}
      {error ? (
        <p className="notice notice--bad" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
