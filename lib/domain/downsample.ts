// Fewer points for drawing a long series, keeping its shape: Largest-Triangle-Three-Buckets (Steinarsson
// 2013), plus the series' highest and lowest points, which are always kept. Pure. Tables and exports keep
// every point; only what is drawn is thinned.

/** Series longer than this are drawn downsampled. */
export const MAX_DRAWN_POINTS = 1500;

/** Every point when there are at most `threshold`; otherwise about `threshold` of them, first, last and extremes included. */
export function lttb<T>(points: readonly T[], threshold: number, x: (p: T) => number, y: (p: T) => number): T[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return [...points];
  const chosen: number[] = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i += 1) {
    // The average of the next bucket is the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j += 1) {
      avgX += x(points[j] as T);
      avgY += y(points[j] as T);
    }
    const count = Math.max(nextEnd - nextStart, 1);
    avgX /= count;
    avgY /= count;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const ax = x(points[a] as T);
    const ay = y(points[a] as T);
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j += 1) {
      const area = Math.abs((ax - avgX) * (y(points[j] as T) - ay) - (ax - x(points[j] as T)) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    chosen.push(best);
    a = best;
  }
  chosen.push(n - 1);
  // The highest and the lowest point are always drawn (at most two points over the threshold).
  const kept = [...new Set([...chosen, ...extremes(points, y)])].sort((i, j) => i - j);
  return kept.map((i) => points[i] as T);
}

function extremes<T>(points: readonly T[], y: (p: T) => number): number[] {
  let max = 0;
  let min = 0;
  points.forEach((p, i) => {
    if (y(p) > y(points[max] as T)) max = i;
    if (y(p) < y(points[min] as T)) min = i;
  });
  return [max, min];
}
