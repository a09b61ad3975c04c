"use client";
// The admin's controls on the events page: the form that adds an event, and each row's Edit (the same
// form in a dialog) and Delete. They call the events API with the session cookie; the API checks the
// event as the importer would, and its message is shown as it is. On success the page is re-read.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { fill, type Messages } from "@/lib/i18n/messages";
import type { EventField, EventFields } from "@/lib/validation/events";

type Labels = Messages["events"];
type ZoneOption = { code: string; label: string };
type Common = { labels: Labels; zones: readonly ZoneOption[]; kinds: readonly string[] };
type Failure = { message: string; fields: string[] };
type ErrorBody = { error?: { message?: string; details?: { field?: string; errors?: { field: string }[] } } };

const LONG_FIELDS: readonly EventField[] = ["description", "quote"];

/** Sends a change; undefined when it worked, else the API's message and the fields it names. */
async function send(url: string, method: "POST" | "PUT" | "DELETE", body?: EventFields): Promise<Failure | undefined> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error), fields: [] };
  }
  if (response.ok) return undefined;
  const result = (await response.json().catch(() => ({}))) as ErrorBody;
  const details = result.error?.details;
  return {
    message: result.error?.message ?? `${response.status} ${response.statusText}`,
    fields: details?.errors?.map((e) => e.field) ?? (details?.field ? [details.field] : []),
  };
}

function EventForm({
  labels,
  zones,
  kinds,
  initial,
  eventId,
  submitLabel,
  onSaved,
  onCancel,
}: Common & {
  initial: EventFields;
  eventId?: number;
  submitLabel: string;
  onSaved: (form: HTMLFormElement) => void;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const fields = Object.keys(labels.fields) as EventField[];
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = Object.fromEntries(fields.map((field) => [field, String(data.get(field) ?? "").trim()])) as EventFields;
    setBusy(true);
    const failed = await send(
      eventId === undefined ? "/api/events" : `/api/events/${eventId}`,
      eventId === undefined ? "POST" : "PUT",
      body,
    );
    setBusy(false);
    setFailure(failed);
    if (failed) {
      const first = failed.fields.find((field) => fields.includes(field as EventField));
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    onSaved(form);
    router.refresh();
  };

  const control = (field: EventField) => {
    const common = {
      id: fieldId(field),
      name: field,
      defaultValue: initial[field],
      disabled: busy,
      "aria-invalid": failure?.fields.includes(field) ? true : undefined,
      "aria-describedby":
        [field === "date" || field === "published_on" ? `${fieldId(field)}-hint` : "", failure ? `${id}-error` : ""]
          .filter(Boolean)
          .join(" ") || undefined,
    };
    if (field === "zone")
      return (
        <select {...common} required>
          <option value="">{labels.chooseZone}</option>
          {zones.map((z) => (
            <option key={z.code} value={z.code}>
              {z.label}
            </option>
          ))}
        </select>
      );
    if (field === "kind")
      return (
        <select {...common} required>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {labels.kinds[k as keyof Labels["kinds"]] ?? k}
            </option>
          ))}
        </select>
      );
    if (LONG_FIELDS.includes(field)) return <textarea {...common} rows={3} />;
    return (
      <input
        {...common}
        type="text"
        required={field === "date" || field === "title_en"}
        inputMode={field === "source_url" ? "url" : undefined}
      />
    );
  };

  return (
    <form className="event-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="event-form__grid">
        {fields.map((field) => (
          <div key={field} className={`field${LONG_FIELDS.includes(field) ? " field--wide" : ""}`}>
            <label className="field__label" htmlFor={fieldId(field)}>
              {labels.fields[field]}
            </label>
            {control(field)}
            {field === "date" || field === "published_on" ? (
              <span id={`${fieldId(field)}-hint`} className="field__hint">
                {field === "date" ? labels.dateHint : labels.publishedHint}
              </span>
            ) : null}
          </div>
        ))}
      </div>
      {failure ? (
        <p id={`${id}-error`} className="notice notice--bad" role="alert">
          {fill(labels.failed, { reason: failure.message })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? labels.saving : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
            {labels.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const EMPTY: EventFields = {
  zone: "",
  date: "",
  kind: "other",
  category: "",
  title_en: "",
  title_zh: "",
  description: "",
  source_title: "",
  source_url: "",
  published_on: "",
  quote: "",
};

/** The panel that adds an event (the zone of the page's filter chosen to begin with). */
export function AddEvent({ defaultZone, ...common }: Common & { defaultZone?: string | undefined }) {
  const [added, setAdded] = useState(false);
  const titleId = useId();
  const { labels } = common;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <details className="event-add" onToggle={() => setAdded(false)}>
        <summary>
          <h2 id={titleId}>{labels.add}</h2>
        </summary>
        <p className="muted">{labels.addIntro}</p>
        <EventForm
          {...common}
          initial={{ ...EMPTY, zone: defaultZone ?? "" }}
          submitLabel={labels.create}
          onSaved={(form) => {
            form.reset();
            setAdded(true);
          }}
        />
      </details>
      <p role="status" className="event-add__status">
        {added ? labels.added : ""}
      </p>
    </section>
  );
}

/** Edit and Delete for one event of the table. */
export function EventRowActions({ id, title, initial, ...common }: Common & { id: number; title: string; initial: EventFields }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { labels } = common;

  const remove = async () => {
    if (!window.confirm(fill(labels.confirmDelete, { title }))) return;
    setBusy(true);
    const failed = await send(`/api/events/${id}`, "DELETE");
    setBusy(false);
    setError(failed ? fill(labels.deleteFailed, { reason: failed.message }) : undefined);
    if (!failed) router.refresh();
  };

  return (
    <div className="event-actions">
      <button
        type="button"
        className="button button--quiet"
        aria-label={fill(labels.editOf, { title })}
        onClick={() => dialog.current?.showModal()}
      >
        {labels.edit}
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-label={fill(labels.deleteOf, { title })}
        disabled={busy}
        onClick={() => void remove()}
      >
        {labels.delete}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <dialog ref={dialog} className="event-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{labels.editTitle}</h2>
        {/* Keyed on the values, so the form starts again from the event as it is after a change. */}
        <EventForm
          key={JSON.stringify(initial)}
          {...common}
          initial={initial}
          eventId={id}
          submitLabel={labels.save}
          onSaved={() => dialog.current?.close()}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </div>
  );
}
