// Axis arithmetic for drawn charts: "nice" tick values (1, 2, 2.5, 5 × 10^n) covering a range. Pure.

/** Tick values from at or below `min` to at or above `max`, about `count` of them, on round numbers. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.5 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Of the round steps near the raw one, the one whose number of intervals is closest to `count` (the smaller on a tie).
  const candidates = [0.5, 1, 2, 2.5, 5, 10, 20].map((m) => m * magnitude);
  const intervals = (step: number) => Math.ceil(max / step - 1e-9) - Math.floor(min / step + 1e-9);
  const step = candidates.reduce((best, c) => (Math.abs(intervals(c) - count) < Math.abs(intervals(best) - count) ? c : best));
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  if ((ticks.at(-1) ?? max) < max) ticks.push(Number(((ticks.at(-1) ?? 0) + step).toPrecision(12)));
  return ticks;
}
