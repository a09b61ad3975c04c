// While an import runs, the JavaScript heap grows by a bounded step over what the last full collection
// kept. Reading a large file allocates fast and keeps little (about 45 MB live for 1M rows); left to
// its own heuristic, V8 lets the old generation grow to four times that between collections, and the
// import's peak RSS followed (450–500 MB for 1M rows). With a 30% step it stays near 300–350 MB, at
// no measured cost in time (bench/results/latest.md). The default comes back when the last import ends.
import v8 from "node:v8";

/** How far the heap may grow past the last full collection's survivors while an import runs, in percent. */
export const IMPORT_HEAP_GROWTH_PERCENT = 30;

type SetFlags = (flags: string) => void;

let running = 0;

/** Runs `work` with the heap's growth bounded; imports at once in the same process share the setting. */
export async function withBoundedHeap<T>(work: () => Promise<T>, setFlags: SetFlags = v8.setFlagsFromString): Promise<T> {
  if (running === 0) setFlags(`--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`);
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    // 0 is V8's own choice of growth, as before the import.
    if (running === 0) setFlags("--heap-growing-percent=0");
  }
}
