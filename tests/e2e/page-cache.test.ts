// Pages kept per version of the data (issue 15, point 8; lib/page-cache.ts, proxy.ts), against the running app:
// the second request is answered from memory, a reader of Chinese gets the Chinese page, a signed-in admin
// never gets the anonymous copy, an import is on the next page, and with two app instances on one PostgreSQL
// database an import through one is on the other's next page.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createSession } from "@/lib/auth/session";
import { page, postPackage } from "../support/app-http";
import { FIXTURES } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

const token = inject("adminToken");
let zoneNumber = Date.now() % 100_000;

/** Imports a new synthetic zone (the base zones and one more) through the API; answers its English name. */
async function importZone(base: string): Promise<string> {
  zoneNumber += 1;
  const name = `Synthetic Page Cache Zone ${zoneNumber}`;
  const csv = `${fs.readFileSync(path.join(FIXTURES, "base", "zones.csv"), "utf8").trimEnd()}\nsynthetic-pc${zoneNumber},${name},合成缓存${zoneNumber}区,ftz,synthetic,2020-01-01,10,\n`;
  await postPackage(base, token, "zones.csv", csv);
  return name;
}

/** A GET as sent (no transparent decoding): the status, the headers and the body's bytes as they came. */
function raw(base: string, p: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(p, base), { headers: { accept: "text/html", "accept-encoding": encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

describe.each([
  ["embedded database", () => inject("baseUrl")],
  ["PostgreSQL server", () => inject("pgBaseUrl")],
])("kept pages (%s)", (_name, baseOf) => {
  let base: string;
  beforeAll(() => {
    base = baseOf();
  });

  it("answers the client router's requests (RSC payloads) by rendering them, never with a kept page", async () => {
    const p = `/indicators?cache-rsc=${Date.now()}`;
    await page(base, p);
    expect((await page(base, p)).cache).toBe("hit");
    const response = await fetch(new URL(p, base), { headers: { accept: "*/*", rsc: "1", "sec-fetch-dest": "empty" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ftz-cache")).toBeNull();
    expect(response.headers.get("content-type")).toMatch(/^text\/x-component/);
  });

  it("renders a page once, then answers it from memory with the same document", async () => {
    const p = `/indicators?cache-test=${Date.now()}`;
    const first = await page(base, p);
    const second = await page(base, p);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(second.html).toBe(first.html);
    expect(second.html).toMatch(/^<!DOCTYPE html>/i);
  });

  it("sends a kept page to a reader who accepts gzip as the copy compressed once, the same document decoded", async () => {
    const p = `/indicators?cache-gzip=${Date.now()}`;
    const plain = await raw(base, p, "identity");
    expect(plain.headers["x-ftz-cache"]).toBe("miss");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const gzip = await raw(base, p, "gzip, deflate, br");
    expect(gzip.headers["x-ftz-cache"]).toBe("hit");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["x-ftz-content-encoding"]).toBeUndefined();
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).toString("utf8")).toBe(plain.body.toString("utf8"));
    expect(gzip.body.length).toBeLessThan(plain.body.length / 3);
    const again = await raw(base, p, "identity");
    expect([again.headers["x-ftz-cache"], again.headers["content-encoding"]]).toEqual(["hit", undefined]);
    expect(again.body.equals(plain.body)).toBe(true);
  });

  it("answers the Chinese page to a reader of Chinese, not the kept English one", async () => {
    const p = `/indicators?cache-lang=${Date.now()}`;
    const en = await page(base, p);
    expect((await page(base, p)).cache).toBe("hit");
    const zh = await page(base, p, "ftz-lang=zh");
    expect(zh.cache).toBe("miss");
    expect(en.html).toMatch(/<html lang="en"/);
    expect(zh.html).toMatch(/<html lang="zh/);
    expect(zh.html).toContain("指标");
    expect((await page(base, p, "ftz-lang=zh")).cache).toBe("hit");
  });

  it("never answers a signed-in admin with the anonymous copy, nor keeps the admin's page", async () => {
    const anonymous = await page(base, "/events");
    await page(base, "/events");
    expect((await page(base, "/events")).cache).toBe("hit");
    expect(anonymous.html).toContain('href="/sign-in?next=/events"');
    const cookie = `ftz-admin=${createSession("Cache Tester", token, Date.now()).value}`;
    const admin = await page(base, "/events", cookie);
    expect(admin.status).toBe(200);
    expect(admin.cache).toBeNull();
    expect(admin.html).not.toContain('href="/sign-in?next=/events"');
    const after = await page(base, "/events");
    expect(after.cache).toBe("hit");
    expect(after.html).toContain('href="/sign-in?next=/events"');
  });

  it("shows what an import committed on the next request", async () => {
    await page(base, "/zones");
    expect((await page(base, "/zones")).cache).toBe("hit");
    const name = await importZone(base);
    const next = await page(base, "/zones");
    expect(next.cache).toBe("miss");
    expect(next.html).toContain(name);
  });
});

describe("two app instances on one PostgreSQL database", () => {
  let second: RunningServer;
  beforeAll(async () => {
    second = await startServer(
      { DATABASE_URL: inject("pgDatabaseUrl"), FTZ_ADMIN_TOKEN: token, FTZ_SEED: "false" },
      undefined,
      "test-results/e2e-server-postgresql-second.log",
    );
  });
  afterAll(async () => second?.stop());

  it("an import through one instance is on the other instance's next page", async () => {
    const [a, b] = [inject("pgBaseUrl"), second.url];
    await page(b, "/zones");
    const kept = await page(b, "/zones");
    expect(kept.cache).toBe("hit");
    const name = await importZone(a);
    expect(kept.html).not.toContain(name);
    const next = await page(b, "/zones");
    expect(next.cache).toBe("miss");
    expect(next.html).toContain(name);
  });
});
