// A sparkline: the comparable figures of a key figure, drawn small without axes. Plain SVG rendered on
// the server (no script, no layout shift). The last point is marked; bounds are hollow.
import type { KpiPoint } from "@/lib/domain/kpi";

const WIDTH = 120;
const HEIGHT = 34;

export function Sparkline({ points, color, label }: { points: KpiPoint[]; color: string; label: string }) {
  if (points.length < 2) return <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label} className="sparkline sparkline--empty" />;
  const times = points.map((p) => Date.parse(`${p.end}T00:00:00Z`));
  const values = points.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (t: number) => 3 + ((t - t0) / (t1 - t0 || 1)) * (WIDTH - 6);
  const y = (v: number) => HEIGHT - 3 - ((v - v0) / (v1 - v0 || 1)) * (HEIGHT - 6);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(times[i] ?? 0).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const last = points[points.length - 1];
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="sparkline">
      <path d={path} fill="none" stroke={color} strokeWidth={1.6} strokeLinejoin="round" />
      {points.map((p, i) =>
        p.qualifier !== "exact" ? (
          <circle key={i} cx={x(times[i] ?? 0)} cy={y(p.value)} r={2} fill="#fff" stroke={color} strokeWidth={1.2} />
        ) : null,
      )}
      {last ? (
        <circle
          cx={x(times[times.length - 1] ?? 0)}
          cy={y(last.value)}
          r={2.8}
          fill={last.qualifier === "exact" ? color : "#fff"}
          stroke={color}
          strokeWidth={1.4}
        />
      ) : null}
    </svg>
  );
}
