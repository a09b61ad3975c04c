"use client";
// The figure finder's review: text and source in, candidates out (POST /api/extract), each editable and accepted
// or rejected, the text shown with every candidate highlighted and the numbers not placed listed; what is accepted
// is imported as an observations table through POST /api/imports, a dry run first.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fill, type Messages } from "@/lib/i18n/messages";
import type { ImportSummary } from "@/lib/domain/imports";
import { BASES, QUALIFIERS } from "@/lib/domain/vocabulary";
import { docxText } from "@/lib/extract/docx";
import { observationsCsv, type ObservationRow } from "@/lib/extract/rows";
import { ImportReport } from "./import-report";

type Labels = Messages["finder"];
type Span = { start: number; end: number };
type Status = "same" | "new" | "conflict";
type Found = {
  row: ObservationRow;
  status: Status;
  stored: { publishedValue: number; publishedUnit: string; sourceTitle: string | null } | null;
  figure: Span;
  confidence: number;
  reasons: string[];
};
type Row = ObservationRow & { key: number; accept: boolean; status: Status; stored: Found["stored"]; figure: Span; reasons: string[] };
type Unplaced = { text: string; span: Span; reason: string };
type Phase =
  | { name: "idle" | "finding" | "checking" | "committing" }
  | { name: "checked" | "committed"; summary: ImportSummary }
  | { name: "failed"; message: string };

async function readFile(file: File): Promise<string> {
  if (/\.docx$/i.test(file.name)) return docxText(new Uint8Array(await file.arrayBuffer()));
  const text = await file.text();
  if (!/\.html?$/i.test(file.name)) return text;
  const doc = new DOMParser().parseFromString(text, "text/html");
  doc.querySelectorAll("script, style, noscript").forEach((node) => node.remove());
  return (doc.body.innerText || doc.body.textContent || "").replace(/\n{3,}/g, "\n\n").trim();
}

function Highlighted({ text, rows }: { text: string; rows: Row[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const row of [...rows].sort((a, b) => a.figure.start - b.figure.start)) {
    if (row.figure.start < at) continue;
    parts.push(text.slice(at, row.figure.start));
    parts.push(
      <mark
        key={row.key}
        className={`finder-mark finder-mark--${row.accept ? "accepted" : "rejected"}`}
        title={`${row.zone} · ${row.indicator} · ${row.period}`}
      >
        <a href={`#candidate-${row.key}`}>{text.slice(row.figure.start, row.figure.end)}</a>
      </mark>,
    );
    at = row.figure.end;
  }
  parts.push(text.slice(at));
  return <div className="finder-text">{parts}</div>;
}

export function FigureFinder({
  labels,
  importLabels,
  zones,
  indicators,
}: {
  labels: Labels;
  importLabels: Messages["import"];
  zones: string[];
  indicators: string[];
}) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [found, setFound] = useState<string | null>(null);
  const [source, setSource] = useState({ title: "", url: "", publishedOn: "" });
  const [rows, setRows] = useState<Row[]>([]);
  const [unplaced, setUnplaced] = useState<Unplaced[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [note, setNote] = useState<string | null>(null);

  const find = async () => {
    setPhase({ name: "finding" });
    const response = await fetch("/api/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, source: { title: source.title, url: source.url || null, publishedOn: source.publishedOn } }),
    });
    const body = (await response.json()) as { candidates?: Found[]; unplaced?: Unplaced[]; error?: { message: string } };
    if (!response.ok || !body.candidates) {
      setPhase({ name: "failed", message: body.error?.message ?? `${response.status}` });
      return;
    }
    setFound(text);
    setRows(
      body.candidates.map((c, key) => ({
        ...c.row,
        key,
        accept: c.status === "new",
        status: c.status,
        stored: c.stored,
        figure: c.figure,
        reasons: c.reasons,
      })),
    );
    setUnplaced(body.unplaced ?? []);
    setPhase({ name: "idle" });
  };

  const post = async (dryRun: boolean) => {
    setPhase({ name: dryRun ? "checking" : "committing" });
    const csv = observationsCsv(rows.filter((r) => r.accept));
    const response = await fetch(`/api/imports?dryRun=${dryRun ? 1 : 0}&name=observations.csv`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    const body = (await response.json()) as { summary?: ImportSummary; error?: { message: string } } & Partial<ImportSummary>;
    const summary = body.summary ?? (body.tables ? (body as ImportSummary) : undefined);
    if (!summary) return setPhase({ name: "failed", message: body.error?.message ?? `${response.status}` });
    if (!dryRun && summary.committed) router.refresh();
    setPhase({ name: !dryRun && summary.committed ? "committed" : "checked", summary });
  };

  const edit = (key: number, field: keyof Row, value: string | boolean) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    if (phase.name === "checked") setPhase({ name: "idle" });
  };
  const accepted = rows.filter((r) => r.accept).length;
  const busy = phase.name === "finding" || phase.name === "checking" || phase.name === "committing";

  return (
    <div className="finder">
      <form
        className="panel form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <label className="field field--wide">
          <span className="field__label">{labels.text}</span>
          <textarea name="text" rows={10} value={text} required onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{labels.file}</span>
          <input
            type="file"
            accept=".txt,.html,.htm,.docx,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="finder-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file)
                readFile(file).then(
                  (read) => {
                    setNote(null);
                    setText(read);
                  },
                  (error: unknown) => setNote(`${labels.unreadable}: ${error instanceof Error ? error.message : String(error)}`),
                );
            }}
          />
          <span id="finder-file-hint" className="field__hint">
            {note ?? labels.fileHint}
          </span>
        </label>
        <div className="form-row">
          <label className="field">
            <span className="field__label">{labels.sourceTitle}</span>
            <input name="source_title" required value={source.title} onChange={(e) => setSource({ ...source, title: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{labels.sourceUrl}</span>
            <input name="source_url" type="url" value={source.url} onChange={(e) => setSource({ ...source, url: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{labels.publishedOn}</span>
            {/* A page may give only its month or year (2024-04, 2024): the finder reads 今年 and "as of" against it. */}
            <input
              name="published_on"
              required
              inputMode="numeric"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              placeholder="2024-04-22"
              aria-describedby="finder-published-hint"
              value={source.publishedOn}
              onChange={(e) => setSource({ ...source, publishedOn: e.target.value.trim() })}
            />
            <span id="finder-published-hint" className="field__hint">
              {labels.publishedOnHint}
            </span>
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {phase.name === "finding" ? labels.finding : labels.find}
          </button>
        </div>
      </form>

      {phase.name === "failed" ? (
        <p className="notice notice--bad" role="alert">
          {labels.failed}: {phase.message}
        </p>
      ) : null}

      {found !== null ? (
        <>
          <section className="panel" aria-labelledby="finder-text-title">
            <h2 id="finder-text-title">{labels.highlighted}</h2>
            <p role="status">{rows.length ? fill(labels.found, { n: rows.length, m: unplaced.length }) : labels.nothing}</p>
            <Highlighted text={found} rows={rows} />
          </section>
          {rows.length ? (
            <section className="panel" aria-labelledby="finder-candidates-title">
              <h2 id="finder-candidates-title">{labels.candidates}</h2>
              {rows.some((r) => r.status === "conflict") ? <p className="notice notice--warn">{labels.conflictNote}</p> : null}
              <datalist id="finder-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
              <datalist id="finder-indicators">
                {indicators.map((i) => (
                  <option key={i} value={i} />
                ))}
              </datalist>
              <div className="table-wrap">
                <table className="figures-table finder-table">
                  <thead>
                    <tr>
                      <th scope="col">{labels.accept}</th>
                      <th scope="col">{labels.status}</th>
                      <th scope="col">{labels.zone}</th>
                      <th scope="col">{labels.indicator}</th>
                      <th scope="col">{labels.period}</th>
                      <th scope="col">{labels.basis}</th>
                      <th scope="col">{labels.value}</th>
                      <th scope="col">{labels.unit}</th>
                      <th scope="col">{labels.qualifier}</th>
                      <th scope="col">{labels.yoy}</th>
                      <th scope="col">{labels.quote}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key} id={`candidate-${r.key}`} data-status={r.status}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`${labels.accept} ${r.key + 1}`}
                            checked={r.accept}
                            onChange={(e) => edit(r.key, "accept", e.target.checked)}
                          />
                        </td>
                        <td>
                          <span className={`badge finder-status--${r.status}`}>{labels.statuses[r.status]}</span>
                          {r.stored ? (
                            <div className="field__hint">
                              {fill(labels.storedAs, {
                                value: `${r.stored.publishedValue} ${r.stored.publishedUnit}`,
                                source: r.stored.sourceTitle ?? "—",
                              })}
                            </div>
                          ) : null}
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.zone} ${r.key + 1}`}
                            list="finder-zones"
                            value={r.zone}
                            onChange={(e) => edit(r.key, "zone", e.target.value)}
                          />
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.indicator} ${r.key + 1}`}
                            list="finder-indicators"
                            value={r.indicator}
                            onChange={(e) => edit(r.key, "indicator", e.target.value)}
                          />
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.period} ${r.key + 1}`}
                            value={r.period}
                            size={12}
                            onChange={(e) => edit(r.key, "period", e.target.value)}
                          />
                        </td>
                        <td>
                          <select
                            aria-label={`${labels.basis} ${r.key + 1}`}
                            value={r.basis}
                            onChange={(e) => edit(r.key, "basis", e.target.value)}
                          >
                            {BASES.map((b) => (
                              <option key={b}>{b}</option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.value} ${r.key + 1}`}
                            value={r.value}
                            size={8}
                            inputMode="decimal"
                            onChange={(e) => edit(r.key, "value", e.target.value)}
                          />
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.unit} ${r.key + 1}`}
                            value={r.unit}
                            size={8}
                            onChange={(e) => edit(r.key, "unit", e.target.value)}
                          />
                        </td>
                        <td>
                          <select
                            aria-label={`${labels.qualifier} ${r.key + 1}`}
                            value={r.qualifier}
                            onChange={(e) => edit(r.key, "qualifier", e.target.value)}
                          >
                            {QUALIFIERS.map((q) => (
                              <option key={q}>{q}</option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input
                            aria-label={`${labels.yoy} ${r.key + 1}`}
                            value={r.yoy_pct}
                            size={5}
                            onChange={(e) => edit(r.key, "yoy_pct", e.target.value)}
                          />
                        </td>
                        <td className="finder-quote" title={r.reasons.join("; ")}>
                          {r.quote}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="form-actions">
                <button type="button" className="button" disabled={busy || accepted === 0} onClick={() => void post(true)}>
                  {phase.name === "checking" ? importLabels.checking : fill(labels.check, { n: accepted })}
                </button>
                {accepted === 0 ? <span className="field__hint">{labels.none}</span> : null}
              </div>
            </section>
          ) : null}
          {unplaced.length ? (
            <section className="panel" aria-labelledby="finder-unplaced-title">
              <h2 id="finder-unplaced-title">{labels.unplaced}</h2>
              <p className="field__hint">{labels.unplacedNote}</p>
              <ul className="finder-unplaced">
                {unplaced.map((u) => (
                  <li key={`${u.span.start}`}>
                    <strong>{u.text}</strong> — {u.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}

      {phase.name === "checked" || phase.name === "committed" ? (
        <section className="panel" aria-labelledby="finder-report-title">
          <h2 id="finder-report-title">{phase.name === "checked" ? importLabels.reportTitle : importLabels.resultTitle}</h2>
          {phase.name === "committed" ? (
            <p className="notice notice--ok" role="status">
              {fill(importLabels.committedNote, { id: phase.summary.importId ?? "?" })}{" "}
              <Link href={`/imports/${phase.summary.importId}`}>{importLabels.viewChanges}</Link>
            </p>
          ) : null}
          <ImportReport summary={phase.summary} labels={importLabels} />
          {phase.name === "checked" && phase.summary.errorCount === 0 ? (
            <div className="form-actions">
              <button type="button" className="button" onClick={() => void post(false)}>
                {phase.summary.totals.new + phase.summary.totals.revised > 0
                  ? fill(importLabels.commit, { n: phase.summary.totals.new, m: phase.summary.totals.revised })
                  : importLabels.commitNothing}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
