import { describe, expect, it } from "vitest";
import { canUseSecureCookie, createSession, isAdminToken, readSession, safeRedirectPath } from "@/lib/auth/session";

const TOKEN = "a-very-long-admin-token-0123";
const NOW = Date.UTC(2026, 10, 23, 12);

describe("admin token", () => {
  it.each([
    [TOKEN, true],
    [`${TOKEN} `, false],
    ["a-very-long-admin-token-0124", false],
    ["", false],
    [null, false],
  ])("%j → %s", (given, expected) => expect(isAdminToken(given, TOKEN)).toBe(expected));
});

describe("session cookie", () => {
  it("round-trips the actor until it expires", () => {
    const { value } = createSession("  Li Wei ", TOKEN, NOW);
    expect(readSession(value, TOKEN, NOW + 1000)).toEqual({ actor: "Li Wei", expiresAt: NOW + 7 * 86_400_000 });
    expect(readSession(value, TOKEN, NOW + 7 * 86_400_000)).toBeUndefined();
  });

  it("names an anonymous admin 'admin'", () => {
    expect(readSession(createSession("", TOKEN, NOW).value, TOKEN, NOW)?.actor).toBe("admin");
  });

  it("is refused when tampered with or signed under another token", () => {
    const { value } = createSession("Li Wei", TOKEN, NOW);
    const [payload, signature] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ actor: "Mallory", expiresAt: NOW + 1e12 })).toString("base64url");
    expect(readSession(`${forged}.${signature}`, TOKEN, NOW)).toBeUndefined();
    expect(readSession(`${payload}.${signature}x`, TOKEN, NOW)).toBeUndefined();
    expect(readSession(value, "another-admin-token-000000", NOW)).toBeUndefined();
    expect(readSession(`${value}.extra`, TOKEN, NOW)).toBeUndefined();
    expect(readSession("garbage", TOKEN, NOW)).toBeUndefined();
  });
});

describe("canUseSecureCookie", () => {
  it.each([
    ["https", "ftz.example.org", true],
    ["http", "localhost:3000", true],
    ["http", "127.0.0.1:3000", true],
    ["http", "[::1]:3000", true],
    ["http", "192.168.1.20:3000", false],
  ])("%s://%s → %s", (protocol, host, expected) => expect(canUseSecureCookie(protocol, host)).toBe(expected));
});

describe("where signing in leads", () => {
  it.each([
    ["/compare?indicator=import_export#chart", "/compare?indicator=import_export#chart"],
    ["/import", "/import"],
    ["/zones/anhui-ftz", "/zones/anhui-ftz"],
  ])("keeps the path of this site %s", (given, expected) => {
    expect(safeRedirectPath(given)).toBe(expected);
  });

  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "//evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "evil.example",
    "",
    "/\\/evil.example",
  ])("sends %j to the import page instead", (given) => {
    expect(safeRedirectPath(given)).toBe("/import");
  });

  it("refuses what is not text", () => {
    expect(safeRedirectPath(null)).toBe("/import");
    expect(safeRedirectPath(undefined, "/")).toBe("/");
  });
});
