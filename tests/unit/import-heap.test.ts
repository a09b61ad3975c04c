import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { IMPORT_HEAP_GROWTH_PERCENT, withBoundedHeap } from "@/lib/import/heap";

describe("withBoundedHeap", () => {
  it("bounds the heap's growth while the work runs and gives V8 its own choice back after", async () => {
    const flags: string[] = [];
    const result = await withBoundedHeap(
      async () => {
        expect(flags).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`]);
        return 42;
      },
      (f) => flags.push(f),
    );
    expect(result).toBe(42);
    expect(flags).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`, "--heap-growing-percent=0"]);
  });

  it("keeps the bound until the last of overlapping imports ends", async () => {
    const flags: string[] = [];
    const set = (f: string) => flags.push(f);
    let release!: () => void;
    const first = withBoundedHeap(() => new Promise<void>((resolve) => (release = resolve)), set);
    await withBoundedHeap(async () => undefined, set);
    expect(flags).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`]);
    release();
    await first;
    expect(flags).toEqual([`--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`, "--heap-growing-percent=0"]);
  });

  it("restores the default when the work fails", async () => {
    const flags: string[] = [];
    await expect(
      withBoundedHeap(
        () => Promise.reject(new Error("bad row")),
        (f) => flags.push(f),
      ),
    ).rejects.toThrow("bad row");
    expect(flags.at(-1)).toBe("--heap-growing-percent=0");
  });

  it("names a flag this Node's V8 has", () => {
    // setFlagsFromString ignores an unknown flag silently: the flag must be in V8's own list.
    const options = spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" }).stdout;
    expect(options).toMatch(/--heap-growing-percent \(/);
  });
});
