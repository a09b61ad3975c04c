import { describe, expect, it } from "vitest";
import { IdentityIndex, type Identity } from "@/lib/import/identities";

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("the identities an import has seen (IdentityIndex)", () => {
  it("finds what was recorded, with its row, value and qualifier, and nothing else", () => {
    const index = new IdentityIndex();
    const a: Identity = { zoneId: 1, indicatorId: 2, basis: "period", start: "2025-01-01", end: "2025-01-31" };
    index.set(a, 7, 12.5, 3);
    expect(index.get({ ...a })).toEqual({ row: 7, value: 12.5, qualifier: 3 });
    for (const other of [
      { ...a, zoneId: 2 },
      { ...a, indicatorId: 3 },
      { ...a, basis: "ytd" },
      { ...a, start: "2025-01-02" },
      { ...a, end: "2025-02-28" },
    ])
      expect(index.get(other)).toBeUndefined();
  });

  it("keeps 300,000 identities apart, hash collisions included, growing as it goes", () => {
    const index = new IdentityIndex();
    const identities: Identity[] = [];
    let seed = 11;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const seen = new Set<string>();
    while (identities.length < 300_000) {
      const start = 10_000 + random(20_000);
      const identity = {
        zoneId: 1 + random(300),
        indicatorId: 1 + random(40),
        basis: (["period", "ytd", "cumulative", "point"] as const)[random(4)] ?? "period",
        start: iso(start),
        end: iso(start + random(400)),
      };
      const key = JSON.stringify(identity);
      if (seen.has(key)) continue;
      seen.add(key);
      identities.push(identity);
    }
    let foundBeforeSet = 0;
    identities.forEach((identity, row) => {
      if (index.get(identity)) foundBeforeSet += 1;
      index.set(identity, row, row * 1.5, row % 4);
    });
    expect(foundBeforeSet).toBe(0);
    const wrong = identities.filter((identity, row) => {
      const got = index.get(identity);
      return got?.row !== row || got.value !== row * 1.5 || got.qualifier !== row % 4;
    });
    expect(wrong).toEqual([]);
  }, 30_000);
});
