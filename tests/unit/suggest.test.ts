import { describe, expect, it } from "vitest";
import { closest, MAX_SUGGEST_CANDIDATES, MAX_SUGGEST_LENGTH } from "@/lib/domain/suggest";

describe("closest known codes", () => {
  it("finds the nearest codes of a mistyped one", () => {
    expect(closest("anhui-ftzz", ["zhejiang-ftz", "anhui-ftz", "anhui", "wuhu-port"], 2)).toEqual(["anhui-ftz", "anhui"]);
  });

  it("looks for none when the text is longer than any code could be, and returns at once", () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `zone-${i}-${"x".repeat(40)}`);
    const started = performance.now();
    expect(closest("a".repeat(20_000_000), codes)).toEqual([]);
    expect(closest("b".repeat(MAX_SUGGEST_LENGTH), codes)).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it(`compares at most ${MAX_SUGGEST_CANDIDATES} candidates`, () => {
    const codes = [...Array.from({ length: MAX_SUGGEST_CANDIDATES }, (_, i) => `far-away-${i}`), "target"];
    expect(closest("targe", codes, 1)).not.toEqual(["target"]);
  });
});
