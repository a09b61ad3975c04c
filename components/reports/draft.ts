"use client";
// The report draft, kept in the browser (localStorage) until it is saved. Other tabs and the report
// page see changes as they happen. The edit keys of the reports this browser saved are kept beside it.
import { useCallback, useSyncExternalStore } from "react";

export type DraftItem = { view: string; title: string; showChart: boolean; showTable: boolean; note: string };
/** id: the saved report this draft edits, if any. */
export type Draft = { id?: string; title: string; notes: string; locale?: "en" | "zh"; items: DraftItem[] };

const KEY = "ftz-report-draft";
const KEYS = "ftz-report-keys";
export const EMPTY_DRAFT: Draft = { title: "", notes: "", items: [] };
const listeners = new Set<() => void>();
let cached: { raw: string | null; draft: Draft } = { raw: null, draft: EMPTY_DRAFT };

function str(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

/** A draft from whatever localStorage holds: anything malformed is dropped, never thrown. */
export function toDraft(value: unknown): Draft {
  if (!value || typeof value !== "object") return EMPTY_DRAFT;
  const o = value as Record<string, unknown>;
  const items = Array.isArray(o.items)
    ? o.items.flatMap((raw: unknown) => {
        if (!raw || typeof raw !== "object") return [];
        const i = raw as Record<string, unknown>;
        const view = str(i.view);
        if (!view) return [];
        return [{ view, title: str(i.title), showChart: i.showChart !== false, showTable: i.showTable !== false, note: str(i.note) }];
      })
    : [];
  const locale = o.locale === "zh" || o.locale === "en" ? o.locale : undefined;
  return {
    ...(typeof o.id === "string" ? { id: o.id } : {}),
    title: str(o.title),
    notes: str(o.notes),
    ...(locale ? { locale } : {}),
    items,
  };
}

function read(): Draft {
  const raw = window.localStorage.getItem(KEY);
  if (raw === cached.raw) return cached.draft;
  let draft = EMPTY_DRAFT;
  try {
    draft = raw ? toDraft(JSON.parse(raw)) : EMPTY_DRAFT;
  } catch {
    draft = EMPTY_DRAFT;
  }
  cached = { raw, draft };
  return draft;
}

export function writeDraft(draft: Draft): void {
  window.localStorage.setItem(KEY, JSON.stringify(draft));
  listeners.forEach((listener) => listener());
}

export function readDraft(): Draft {
  return read();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => (event.key === KEY || event.key === KEYS) && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useDraft(): [Draft, (update: (draft: Draft) => Draft) => void] {
  const draft = useSyncExternalStore(subscribe, read, () => EMPTY_DRAFT);
  const update = useCallback((change: (draft: Draft) => Draft) => writeDraft(change(read())), []);
  return [draft, update];
}

function readKeys(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEYS) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The edit key this browser holds for a saved report. */
export function editKey(id: string): string | undefined {
  const key = readKeys()[id];
  return typeof key === "string" ? key : undefined;
}

export function rememberEditKey(id: string, key: string): void {
  window.localStorage.setItem(KEYS, JSON.stringify({ ...readKeys(), [id]: key }));
}

export function forgetEditKey(id: string): void {
  const keys = readKeys();
  delete keys[id];
  window.localStorage.setItem(KEYS, JSON.stringify(keys));
}

/** Whether this browser can change the saved report (it holds the key); false on the server. */
export function useHasEditKey(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => editKey(id) !== undefined,
    () => false,
  );
}
