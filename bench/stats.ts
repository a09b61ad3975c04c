// Small statistics for the benchmarks: medians and percentiles of repeated timings, and peak memory.

/** The q-quantile (0–1) of the values, linearly interpolated; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? NaN;
  const b = sorted[upper] ?? NaN;
  return a + (b - a) * (position - lower);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export type Timing = { p50: number; p95: number; min: number; max: number; n: number };

export function summarize(samples: readonly number[]): Timing {
  return {
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}

/** Milliseconds since an arbitrary start, with sub-millisecond resolution. */
export const now = () => performance.now();

/** Times `fn` `runs` times in a row (after `warmup` untimed runs); milliseconds per run. */
export async function timeRuns(runs: number, fn: (run: number) => Promise<unknown>, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = now();
    await fn(i);
    samples.push(now() - started);
  }
  return samples;
}

/** Samples this process's resident set size every `intervalMs` while running; reports the peak in bytes. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peak = 0;

  start(intervalMs = 50): this {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak;
  }
}

/** Frees what can be freed before a measurement, when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const MB = 1024 * 1024;
