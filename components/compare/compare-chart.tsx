"use client";
// The chart of a comparison, with its legend and numbered events, from the chart model.
// Recharts is the heaviest script of the site: it loads after the page has painted (the space the
// chart takes is kept, so nothing moves), and a chart waits until it comes near the viewport, so a
// page of many small charts draws only those the reader can see.
import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState } from "react";
import type { ChartLabels } from "@/components/charts/series-chart";
import type { DrawnChart } from "@/lib/domain/chart-model";
import type { Locale } from "@/lib/domain/format";

const SeriesChart = dynamic(() => import("@/components/charts/series-chart").then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => null,
});

// Charts that come into view together are drawn one after another, each in its own task, so no
// single task blocks the page for long.
let queue: Promise<void> = Promise.resolve();
function drawSoon(draw: () => void): void {
  queue = queue.then(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          startTransition(draw);
          resolve();
        }, 0),
      ),
  );
}

/** True once the element has come near the viewport (or is about to be printed). */
function useNearViewport<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    let queued = false;
    const show = () => {
      if (queued) return;
      queued = true;
      drawSoon(() => setNear(true));
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: "200px 0px",
    });
    observer.observe(element);
    window.addEventListener("beforeprint", show);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [near]);
  return [ref, near];
}

type Props = {
  /** What to draw (`drawnChart` of the page's model: no table or sources, which would only weigh on the page). */
  model: DrawnChart;
  type: "line" | "bar";
  locale: Locale;
  labels: ChartLabels & { legendHollow: string; events: string; ariaLabel: string };
  height?: number;
  compact?: boolean;
};

export function CompareChart({ model, type, locale, labels, height = 380, compact = false }: Props) {
  const [frame, near] = useNearViewport<HTMLDivElement>();
  return (
    <figure className="compare-chart" aria-label={labels.ariaLabel}>
      <ul className="legend">
        {model.series.map((s) => (
          <li key={s.key} className={s.points.length ? undefined : "legend__empty"}>
            <svg width="28" height="12" aria-hidden="true">
              <line x1="1" y1="6" x2="27" y2="6" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash || undefined} />
              <circle cx="14" cy="6" r="3.5" fill={s.color} />
            </svg>
            <span>{s.label}</span>
            {s.emptyReason ? <span className="muted"> — {s.emptyReason}</span> : null}
          </li>
        ))}
      </ul>
      <div ref={frame} className="chart-slot" style={{ minHeight: height }}>
        {near ? (
          <SeriesChart
            series={model.series.map((s) => ({ key: s.key, label: s.label, color: s.color, dash: s.dash, points: s.points }))}
            domain={model.domain ?? [0, 1]}
            events={model.events.map((e) => ({ n: e.n, x: e.x, row: e.row, color: e.color }))}
            type={type}
            axis={model.axis}
            unit={model.unit}
            baseUnit={model.baseUnit}
            locale={locale}
            countWord={model.countWord}
            signed={model.signed}
            labels={labels}
            height={height}
            compact={compact}
            ariaLabel={labels.ariaLabel}
          />
        ) : null}
      </div>
      {compact ? null : <p className="chart-footnote">{labels.legendHollow}</p>}
      {model.events.length && !compact ? (
        <div className="events-list">
          <h3>{labels.events}</h3>
          <ol>
            {model.events.map((e) => (
              <li key={e.n} value={e.n}>
                <span className="events-list__date">{e.dateText}</span> <span style={{ color: e.color }}>●</span> {e.zoneLabel}: {e.title}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </figure>
  );
}
