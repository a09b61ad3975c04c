"use client";
// A comparison chart: one line (or set of bars) per zone, on a time axis or months since each zone's
// launch. Lower bounds and approximations are hollow markers and say ≥ / ≈ in the tooltip; events
// are numbered marks listed under the chart. Keyboard: Tab to the chart, arrow keys move the tooltip.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import type { DotItemDotProps } from "recharts/types/util/types";
import { formatCompact, formatSeriesValue, qualifierMark, type Locale, type SeriesUnit } from "@/lib/domain/format";
import type { BaseUnit, Qualifier, Status } from "@/lib/domain/vocabulary";

export type ChartPoint = {
  x: number;
  periodText: string;
  value: number;
  qualifier: Qualifier;
  status: Status;
  note?: string;
};

export type ChartSeries = { key: string; label: string; color: string; dash: string; points: ChartPoint[] };
export type ChartEvent = { n: number; x: number; row: number; color: string };

export type ChartLabels = {
  xAxis: string;
  qualifier: Record<Qualifier, string>;
  status: Record<Status, string>;
  empty: string;
};

type Props = {
  series: ChartSeries[];
  domain: [number, number];
  events: ChartEvent[];
  type: "line" | "bar";
  axis: "date" | "launch";
  unit: SeriesUnit;
  baseUnit: BaseUnit;
  locale: Locale;
  countWord: string;
  signed: boolean;
  labels: ChartLabels;
  height?: number;
  compact?: boolean;
  describedBy?: string;
  ariaLabel: string;
};

function dateTicks(min: number, max: number): number[] {
  const first = new Date(min).getUTCFullYear();
  const last = new Date(max).getUTCFullYear();
  const years = last - first + 1;
  const step = years > 12 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = first; y <= last + 1; y += step) ticks.push(Date.UTC(y, 0, 1));
  return ticks.filter((t) => t >= min && t <= max);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatTick(value: number, axis: "date" | "launch", locale: Locale, monthly: boolean): string {
  if (axis === "launch") return String(Math.round(value));
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (!monthly) return locale === "zh" ? `${year}年` : String(year);
  const month = date.getUTCMonth();
  return locale === "zh" ? `${year}年${month + 1}月` : `${MONTHS[month]} ${year}`;
}

/** A dot for one point: filled when exact, hollow when a bound or an approximation, ringed when not verified. */
function PointDot(props: { cx?: number; cy?: number; payload?: ChartPoint; stroke?: string; compact?: boolean }) {
  const { cx, cy, payload, stroke } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  const hollow = payload.qualifier !== "exact";
  const r = props.compact ? 3 : 4.5;
  return (
    <g>
      {payload.status !== "ok" ? <circle cx={cx} cy={cy} r={r + 3} fill="none" stroke="#8a1c12" strokeDasharray="2 2" /> : null}
      <circle cx={cx} cy={cy} r={r} fill={hollow ? "#ffffff" : stroke} stroke={stroke} strokeWidth={2} />
    </g>
  );
}

export function SeriesChart({
  series,
  domain,
  events,
  type,
  axis,
  unit,
  baseUnit,
  locale,
  countWord,
  signed,
  labels,
  height = 360,
  compact = false,
  describedBy,
  ariaLabel,
}: Props) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) {
    return (
      <div className="chart-empty" style={{ height }} role="img" aria-label={ariaLabel}>
        <p>{labels.empty}</p>
      </div>
    );
  }
  const format = (value: number) => formatSeriesValue(value, unit, baseUnit, locale, { signed, countWord });
  const [min, max] = domain;
  // Within two years, tick the points themselves (month and year); over longer spans, tick the years.
  const short = axis === "date" && new Date(max).getUTCFullYear() - new Date(min).getUTCFullYear() <= 1;
  const pointTicks = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const ticks =
    axis === "date"
      ? short
        ? pointTicks.length <= 6
          ? pointTicks
          : pointTicks.filter((_, i) => i % Math.ceil(pointTicks.length / 6) === 0)
        : dateTicks(min, max)
      : undefined;

  const tooltip = (props: TooltipContentProps<ValueType, NameType>) => {
    const items = (props.payload ?? []).filter((item) => item.payload);
    if (!props.active || items.length === 0) return null;
    return (
      <div className="chart-tooltip">
        {items.map((item, index) => {
          const key = String(item.dataKey ?? item.name);
          const s = series.find((candidate) => candidate.key === key || candidate.label === item.name);
          const point: ChartPoint | undefined =
            type === "bar" ? (item.payload as Record<string, ChartPoint>)[`${key}__point`] : (item.payload as ChartPoint);
          if (!s || !point) return null;
          return (
            <div key={`${key}-${index}`} className="chart-tooltip__row">
              <span className="chart-tooltip__swatch" style={{ background: s.color }} aria-hidden="true" />
              <span className="chart-tooltip__zone">{s.label}</span>
              <span className="chart-tooltip__period">{point.periodText}</span>
              <strong className="chart-tooltip__value">
                {qualifierMark(point.qualifier, locale)}
                {format(point.value)}
              </strong>
              {point.qualifier !== "exact" ? <span className="chart-tooltip__note">{labels.qualifier[point.qualifier]}</span> : null}
              {point.status !== "ok" ? <span className={`badge badge--${point.status}`}>{labels.status[point.status]}</span> : null}
              {point.note ? <span className="chart-tooltip__note">{point.note}</span> : null}
            </div>
          );
        })}
      </div>
    );
  };

  const margin = compact ? { top: 8, right: 12, bottom: 4, left: 4 } : { top: 20, right: 24, bottom: 28, left: 12 };
  const yAxis = (
    <YAxis
      tickFormatter={(v: number) =>
        unit === "percent" || unit === "pp" || unit === "index"
          ? formatSeriesValue(v, unit, baseUnit, locale, { signed })
          : formatCompact(v, locale)
      }
      width={compact ? 52 : 76}
      tick={{ fontSize: compact ? 11 : 12, fill: "#3d4552" }}
      stroke="#8c95a3"
    />
  );
  const eventLines = events.map((event) => (
    <ReferenceLine
      key={`event-${event.n}`}
      x={event.x}
      stroke={event.color}
      strokeDasharray="3 3"
      strokeOpacity={0.8}
      label={{ value: String(event.n), position: "insideTop", dy: event.row * 13, fill: "#1a1f2b", fontSize: 11 }}
    />
  ));

  return (
    <div className="chart-frame" style={{ height }} aria-describedby={describedBy}>
      {type === "line" ? (
        <LineChart responsive style={{ width: "100%", height }} margin={margin} accessibilityLayer role="img" aria-label={ariaLabel}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            domain={domain}
            ticks={ticks}
            tickFormatter={(v: number) =>
              short ? (all.find((p) => p.x === v)?.periodText ?? formatTick(v, axis, locale, true)) : formatTick(v, axis, locale, false)
            }
            allowDuplicatedCategory={false}
            tick={{ fontSize: compact ? 11 : 12, fill: "#3d4552" }}
            stroke="#8c95a3"
            label={compact ? undefined : { value: labels.xAxis, position: "insideBottom", offset: -18, fill: "#3d4552", fontSize: 12 }}
          />
          {yAxis}
          <Tooltip content={tooltip} />
          {eventLines}
          {series.map((s) => (
            <Line
              key={s.key}
              data={s.points}
              dataKey="value"
              name={s.label}
              stroke={s.color}
              strokeWidth={compact ? 2 : 2.5}
              strokeDasharray={s.dash || undefined}
              dot={(dotProps: DotItemDotProps) => (
                <PointDot
                  key={`${s.key}-${dotProps.index}`}
                  cx={dotProps.cx}
                  cy={dotProps.cy}
                  payload={dotProps.payload as ChartPoint}
                  stroke={s.color}
                  compact={compact}
                />
              )}
              activeDot={{ r: compact ? 5 : 6 }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      ) : (
        <BarChart
          responsive
          style={{ width: "100%", height }}
          margin={margin}
          data={barRows(series)}
          accessibilityLayer
          role="img"
          aria-label={ariaLabel}
        >
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis
            dataKey="periodText"
            tick={{ fontSize: compact ? 11 : 12, fill: "#3d4552" }}
            stroke="#8c95a3"
            interval="preserveStartEnd"
          />
          {yAxis}
          <Tooltip content={tooltip} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </div>
  );
}

/** Bars need one row per period: every zone's value for it side by side. */
function barRows(series: readonly ChartSeries[]): Record<string, unknown>[] {
  const rows = new Map<string, Record<string, unknown> & { x: number }>();
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.periodText) ?? { periodText: p.periodText, x: p.x };
      row[s.key] = p.value;
      row[`${s.key}__point`] = p;
      rows.set(p.periodText, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}
