import { describe, expect, it } from "vitest";
import { boundedMemo } from "@/lib/memo";

describe("answers kept in memory (boundedMemo)", () => {
  it("computes once per key and client, and keeps two clients apart", async () => {
    const memo = boundedMemo<number>(10);
    const [a, b] = [{}, {}];
    let runs = 0;
    const compute = async () => (runs += 1);
    expect(await memo(a, "k", compute)).toBe(1);
    expect(await memo(a, "k", compute)).toBe(1);
    expect(await memo(b, "k", compute)).toBe(2);
    expect(await memo(a, "other", compute)).toBe(3);
  });

  it("shares one computation between requests that arrive together", async () => {
    const memo = boundedMemo<string>(10);
    let runs = 0;
    const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`run ${(runs += 1)}`), 5));
    const client = {};
    expect(await Promise.all([memo(client, "k", compute), memo(client, "k", compute)])).toEqual(["run 1", "run 1"]);
  });

  it("forgets a failed computation, so the next request tries again", async () => {
    const memo = boundedMemo<number>(10);
    const client = {};
    await expect(memo(client, "k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    await Promise.resolve();
    expect(await memo(client, "k", async () => 7)).toBe(7);
  });

  it("evicts the least recently used beyond its size", async () => {
    const memo = boundedMemo<string>(2);
    const client = {};
    let runs = 0;
    const get = (key: string) => memo(client, key, async () => `${key}${(runs += 1)}`);
    expect(await get("a")).toBe("a1");
    expect(await get("b")).toBe("b2");
    expect(await get("a")).toBe("a1"); // a is now the most recent
    expect(await get("c")).toBe("c3"); // evicts b
    expect(await get("a")).toBe("a1");
    expect(await get("b")).toBe("b4");
  });
});
