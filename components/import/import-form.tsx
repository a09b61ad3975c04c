"use client";
// Upload → check (a dry run, with progress) → report → confirm → import. The same file is sent twice:
// the server keeps nothing between the check and the import.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { fill, type Messages } from "@/lib/i18n/messages";
import type { ImportSummary } from "@/lib/domain/imports";
import { ImportReport } from "./import-report";

type Labels = Messages["import"];
type Progress = { table: string; rows: number; fraction: number; rowsPerSecond?: number; secondsLeft?: number | null; stage?: string };
type Outcome = { summary?: ImportSummary; error?: { message: string } };
type Phase =
  | { name: "idle" }
  | { name: "uploading" | "checking" | "committing"; upload: number; progress?: Progress }
  | { name: "checked"; summary: ImportSummary }
  | { name: "committed"; summary: ImportSummary }
  | { name: "failed"; message: string };

/** Posts the files; reports upload progress, then the server's progress lines, then resolves with the outcome. */
function postPackage(
  files: File[],
  dryRun: boolean,
  onUpload: (fraction: number) => void,
  onProgress: (progress: Progress) => void,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    files.forEach((file) => form.append("file", file, file.name));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?dryRun=${dryRun ? 1 : 0}`);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    let consumed = 0;
    let outcome: Outcome = {};
    const readLines = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", consumed);
      while (end !== -1) {
        const line = text.slice(consumed, end).trim();
        consumed = end + 1;
        if (line) {
          const message = JSON.parse(line) as { progress?: Progress; summary?: ImportSummary; error?: { message: string } };
          if (message.progress) onProgress(message.progress);
          else outcome = message;
        }
        end = text.indexOf("\n", consumed);
      }
    };
    xhr.upload.onprogress = (event) => event.lengthComputable && onUpload(event.loaded / event.total);
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if ((xhr.getResponseHeader("content-type") ?? "").includes("ndjson")) {
        readLines();
        resolve(outcome);
      } else {
        try {
          resolve(JSON.parse(xhr.responseText) as Outcome);
        } catch {
          resolve({ error: { message: `${xhr.status} ${xhr.statusText}` } });
        }
      }
    };
    xhr.onerror = () => reject(new Error("The connection to the server failed."));
    xhr.send(form);
  });
}

/** Rows so far, their rate and the time left at that rate, as the server measured them. */
function progressText(p: Progress, labels: Labels): string {
  const rows = `${p.table}: ${p.rows.toLocaleString()} ${labels.row.toLowerCase()}`;
  const rate = p.rowsPerSecond ? `, ${p.rowsPerSecond.toLocaleString()} ${labels.row.toLowerCase()}/s` : "";
  const left =
    p.secondsLeft != null && p.stage !== "writing"
      ? `, ~${p.secondsLeft < 90 ? `${p.secondsLeft} s` : `${Math.round(p.secondsLeft / 60)} min`}`
      : "";
  return `${rows}${rate}${left}`;
}

export function ImportForm({ labels, maxMegabytes }: { labels: Labels; maxMegabytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });

  const run = async (dryRun: boolean) => {
    const active = dryRun ? "checking" : "committing";
    setPhase({ name: "uploading", upload: 0 });
    try {
      const outcome = await postPackage(
        files,
        dryRun,
        (upload) => setPhase((p) => (p.name === "uploading" ? { ...p, upload } : p)),
        (progress) => setPhase({ name: active, upload: 1, progress }),
      );
      if (outcome.error || !outcome.summary) setPhase({ name: "failed", message: outcome.error?.message ?? labels.failed });
      else if (!dryRun && outcome.summary.committed) {
        setPhase({ name: "committed", summary: outcome.summary });
        router.refresh();
      } else setPhase({ name: "checked", summary: outcome.summary });
    } catch (error) {
      setPhase({ name: "failed", message: error instanceof Error ? error.message : labels.failed });
    }
  };

  const reset = () => {
    setFiles([]);
    setPhase({ name: "idle" });
    if (input.current) input.current.value = "";
  };

  const busy = phase.name === "uploading" || phase.name === "checking" || phase.name === "committing";
  return (
    <div className="import-form">
      <form
        className="panel form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (files.length) void run(true);
        }}
      >
        <label className="field">
          <span className="field__label">{labels.chooseFile}</span>
          <input
            ref={input}
            type="file"
            name="file"
            multiple
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            disabled={busy}
            onChange={(event) => {
              setFiles(Array.from(event.target.files ?? []));
              setPhase({ name: "idle" });
            }}
          />
          <span id="file-hint" className="field__hint">
            {fill(labels.fileHint, { mb: maxMegabytes })}
          </span>
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || files.length === 0}>
            {labels.check}
          </button>
        </div>
      </form>

      {busy ? (
        <div className="panel" aria-live="polite">
          <p>
            {phase.name === "uploading" ? labels.uploading : phase.name === "checking" ? labels.checking : labels.committing}
            {phase.progress ? ` — ${progressText(phase.progress, labels)}` : "…"}
          </p>
          <progress
            className="progress"
            max={1}
            value={phase.name === "uploading" ? phase.upload : (phase.progress?.fraction ?? undefined)}
            aria-label={phase.name === "uploading" ? labels.uploading : labels.checking}
          />
        </div>
      ) : null}

      {phase.name === "failed" ? (
        <p className="notice notice--bad" role="alert">
          {labels.failed}: {phase.message}
        </p>
      ) : null}

      {phase.name === "checked" ? (
        <section className="panel" aria-labelledby="report-title">
          <h2 id="report-title">{labels.reportTitle}</h2>
          <ImportReport summary={phase.summary} labels={labels} />
          {phase.summary.errorCount === 0 ? (
            <div className="form-actions">
              <button type="button" className="button" onClick={() => void run(false)}>
                {phase.summary.totals.new + phase.summary.totals.revised > 0
                  ? fill(labels.commit, { n: phase.summary.totals.new.toLocaleString(), m: phase.summary.totals.revised.toLocaleString() })
                  : labels.commitNothing}
              </button>
              <button type="button" className="button button--quiet" onClick={reset}>
                {labels.again}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {phase.name === "committed" ? (
        <section className="panel" aria-labelledby="result-title">
          <h2 id="result-title">{labels.resultTitle}</h2>
          <p className="notice notice--ok" role="status">
            {fill(labels.committedNote, { id: phase.summary.importId ?? "?" })}{" "}
            <Link href={`/imports/${phase.summary.importId}`}>{labels.viewChanges}</Link>
          </p>
          <ImportReport summary={phase.summary} labels={labels} />
          <div className="form-actions">
            <button type="button" className="button button--quiet" onClick={reset}>
              {labels.again}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
