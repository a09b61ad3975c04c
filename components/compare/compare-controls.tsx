"use client";
// The choices of a comparison. Every change becomes a new URL (pushed, so back and forward work);
// the server draws the view the URL describes.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { viewQuery, type ViewParams } from "@/lib/validation/compare-query";
import "./peer-groups.css";

export type Option = { value: string; label: string; hint?: string; disabled?: boolean };
export type OptionGroup = { label: string; options: Option[] };

export type ControlLabels = {
  indicator: string;
  zones: string;
  zonesSelected: string;
  basis: string;
  freq: string;
  transform: string;
  base: string;
  from: string;
  to: string;
  any: string;
  chart: string;
  line: string;
  bar: string;
  axis: string;
  axisDate: string;
  axisLaunch: string;
};

type Props = {
  view: ViewParams & { transform: string; chart: string; axis: string };
  indicators: OptionGroup[];
  zones: OptionGroup[];
  bases: Option[];
  freqs: Option[];
  transforms: Option[];
  baseOptions: Option[];
  years: number[];
  labels: ControlLabels;
  /** Peer groups (the YRD FTZs, launch batches): one click selects their member zones. */
  peerGroups?: { id: string; label: string; zones: string[] }[];
  peerGroupsLabel?: string;
};

function Select({
  id,
  label,
  value,
  options,
  groups,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options?: Option[];
  groups?: OptionGroup[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="control" htmlFor={id}>
      <span className="control__label">{label}</span>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.hint ? `${o.label} (${o.hint})` : o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.hint ? `${o.label} (${o.hint})` : o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export function CompareControls({
  view,
  indicators,
  zones,
  bases,
  freqs,
  transforms,
  baseOptions,
  years,
  labels,
  peerGroups = [],
  peerGroupsLabel = "",
}: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (next: ViewParams) => startTransition(() => router.push(`/compare?${viewQuery(next)}`, { scroll: false }));
  const set = (patch: Partial<ViewParams>) => go({ ...view, ...patch });
  const selected = new Set(view.zones);
  const toggleZone = (code: string) => {
    const next = selected.has(code) ? view.zones.filter((z) => z !== code) : [...view.zones, code];
    if (next.length) set({ zones: next });
  };
  const yearOptions: Option[] = [{ value: "", label: labels.any }, ...years.map((y) => ({ value: String(y), label: String(y) }))];

  return (
    <div className="compare-controls panel" aria-busy={pending}>
      <div className="controls-row">
        <Select
          id="c-indicator"
          label={labels.indicator}
          value={view.indicator}
          groups={indicators}
          onChange={(indicator) => go({ indicator, zones: view.zones, chart: view.chart, axis: view.axis })}
        />
        <details className="control zone-picker">
          <summary>
            <span className="control__label">{labels.zones}</span>
            <span className="zone-picker__summary">{labels.zonesSelected.replace("{n}", String(view.zones.length))}</span>
          </summary>
          <div className="zone-picker__panel">
            {zones.map((group) => (
              <fieldset key={group.label}>
                <legend>{group.label}</legend>
                {group.options.map((o) => (
                  <label key={o.value} className="check">
                    <input
                      type="checkbox"
                      checked={selected.has(o.value)}
                      onChange={() => toggleZone(o.value)}
                      disabled={selected.has(o.value) && view.zones.length === 1}
                    />
                    <span>{o.label}</span>
                    {o.hint ? <span className="muted"> {o.hint}</span> : null}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </details>
        <Select
          id="c-basis"
          label={labels.basis}
          value={view.basis ?? ""}
          options={bases}
          onChange={(basis) => set({ basis, freq: undefined, base: undefined })}
        />
        <Select
          id="c-freq"
          label={labels.freq}
          value={view.freq ?? ""}
          options={freqs}
          onChange={(freq) => set({ freq: freq || undefined, base: undefined })}
        />
      </div>
      <div className="controls-row">
        <Select
          id="c-transform"
          label={labels.transform}
          value={view.transform}
          options={transforms}
          onChange={(transform) => set({ transform, base: transform === "index" ? (view.base ?? "first") : undefined })}
        />
        {view.transform === "index" ? (
          <Select id="c-base" label={labels.base} value={view.base ?? "first"} options={baseOptions} onChange={(base) => set({ base })} />
        ) : null}
        <Select
          id="c-from"
          label={labels.from}
          value={view.from?.slice(0, 4) ?? ""}
          options={yearOptions}
          onChange={(from) => set({ from: from || undefined })}
        />
        <Select
          id="c-to"
          label={labels.to}
          value={view.to?.slice(0, 4) ?? ""}
          options={yearOptions}
          onChange={(to) => set({ to: to || undefined })}
        />
        <fieldset className="control segmented">
          <legend className="control__label">{labels.chart}</legend>
          {(["line", "bar"] as const).map((chart) => (
            <label key={chart}>
              <input
                type="radio"
                name="chart"
                value={chart}
                checked={view.chart === chart}
                onChange={() => set({ chart, axis: chart === "bar" ? "date" : view.axis })}
              />
              <span>{labels[chart]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="control segmented">
          <legend className="control__label">{labels.axis}</legend>
          {(["date", "launch"] as const).map((axis) => (
            <label key={axis}>
              <input
                type="radio"
                name="axis"
                value={axis}
                checked={view.axis === axis}
                disabled={view.chart === "bar" && axis === "launch"}
                onChange={() => set({ axis })}
              />
              <span>{axis === "date" ? labels.axisDate : labels.axisLaunch}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {peerGroups.length > 0 ? (
        <div className="controls-row peer-groups" role="group" aria-label={peerGroupsLabel}>
          <span className="control__label">{peerGroupsLabel}</span>
          {peerGroups.map((group) => {
            const active = group.zones.length === view.zones.length && group.zones.every((z) => selected.has(z));
            return (
              <button
                key={group.id}
                type="button"
                className="button button--quiet"
                aria-pressed={active}
                onClick={() => set({ zones: group.zones })}
              >
                {group.label} ({group.zones.length})
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
