// Failed admin attempts per client address: 10 in 5 minutes, then 429 with Retry-After (bearer tokens)
// or the "too many attempts" sign-in state, logged; everyone together at most 300 (issue 15, point 6).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WindowLimiter } from "@/lib/auth/limiter";

const TOKEN = "limiter-test-admin-token-0123";
process.env.FTZ_ADMIN_TOKEN = TOKEN;
process.env.FTZ_PUBLIC_REPORTS = "false";

const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ set: () => undefined, get: () => undefined, delete: () => undefined }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const { requireAdminRequest } = await import("@/lib/auth/server");
const { signIn } = await import("@/app/actions/auth");
const { errorResponse } = await import("@/lib/http");
const { admitVisitorReport, PRIVATE_REPORTS_MESSAGE } = await import("@/lib/auth/report-policy");

describe("WindowLimiter", () => {
  it("refuses an address after 10 failures until its 5-minute window ends, and forgets it on success", () => {
    const limiter = new WindowLimiter();
    for (let i = 0; i < 9; i += 1) limiter.record("10.0.0.1", 1000 + i);
    expect(limiter.retryAfter("10.0.0.1", 2000)).toBe(0);
    limiter.record("10.0.0.1", 2000);
    expect(limiter.retryAfter("10.0.0.1", 2000)).toBe(299);
    expect(limiter.retryAfter("10.0.0.2", 2000)).toBe(0);
    expect(limiter.retryAfter("10.0.0.1", 1000 + 300_000)).toBe(0);
    limiter.record("10.0.0.3", 0);
    limiter.forget("10.0.0.3");
    expect(limiter.retryAfter("10.0.0.3", 0)).toBe(0);
  });

  it("caps all addresses together, so rotating addresses does not help", () => {
    const limiter = new WindowLimiter({ perAddress: 10, overall: 50, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 50; i += 1) limiter.record(`10.1.0.${i}`, 0);
    expect(limiter.retryAfter("10.9.9.9", 1000)).toBe(59);
  });

  it("keeps at most maxAddresses addresses", () => {
    const limiter = new WindowLimiter({ perAddress: 2, overall: 1e9, windowMs: 60_000, maxAddresses: 3 });
    for (const address of ["a", "a", "b", "c", "d"]) limiter.record(address, 0);
    expect(limiter.retryAfter("a", 0)).toBe(0);
  });
});

describe("wrong bearer tokens and sign-ins", () => {
  const warnings: string[] = [];
  beforeEach(() => {
    (globalThis as { ftzAdminLimiter?: unknown }).ftzAdminLimiter = undefined;
    vi.spyOn(console, "warn").mockImplementation((message: string) => void warnings.push(message));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    warnings.length = 0;
  });

  const request = (token: string, address: string) =>
    new Request("http://ftz.test/api/imports", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": address } });

  async function statusOf(promise: Promise<unknown>) {
    try {
      await promise;
      return { status: 200, retryAfter: null, message: "" };
    } catch (error) {
      const response = errorResponse(error);
      const body = (await response.json()) as { error: { message: string } };
      return { status: response.status, retryAfter: response.headers.get("retry-after"), message: body.error.message };
    }
  }

  it("the 11th wrong token from one address is a 429 with Retry-After — even a right one then — logged once; other addresses pass", async () => {
    for (let i = 0; i < 10; i += 1) expect((await statusOf(requireAdminRequest(request(`wrong-${i}`, "203.0.113.7")))).status).toBe(401);
    expect(warnings).toEqual([expect.stringContaining("10 failed admin attempts from 203.0.113.7 in 5 min: refused for 300 s")]);
    const refused = await statusOf(requireAdminRequest(request("wrong-again", "203.0.113.7")));
    expect(refused).toEqual({
      status: 429,
      retryAfter: "300",
      message: "Too many failed admin attempts from this address: try again in 300 s.",
    });
    expect((await statusOf(requireAdminRequest(request(TOKEN, "203.0.113.7")))).status).toBe(429);
    expect((await statusOf(requireAdminRequest(request(TOKEN, "198.51.100.1")))).status).toBe(200);
  });

  it("wrong sign-ins count too: the 11th answers 'too many attempts' without checking the token", async () => {
    requestHeaders.current = new Headers({ "x-forwarded-for": "192.0.2.9", host: "ftz.test" });
    const form = (token: string) => {
      const data = new FormData();
      data.set("token", token);
      return data;
    };
    for (let i = 0; i < 10; i += 1) expect(await signIn({}, form(`wrong-${i}`))).toEqual({ error: "wrong_token" });
    expect(await signIn({}, form(TOKEN))).toEqual({ error: "too_many_attempts", retryAfterSeconds: 300 });
    expect(warnings).toHaveLength(1);
    requestHeaders.current = new Headers({ "x-forwarded-for": "192.0.2.10", host: "ftz.test" });
    await expect(signIn({}, form(TOKEN))).rejects.toMatchObject({ to: "/import" });
  });
});

describe("FTZ_PUBLIC_REPORTS=false", () => {
  it("refuses a visitor's report with 401 before anything is counted or stored", async () => {
    const unused = new Proxy({}, { get: () => expect.unreachable("the database is not asked") });
    await expect(admitVisitorReport(new Request("http://ftz.test/api/reports"), unused as never)).rejects.toMatchObject({
      status: 401,
      message: PRIVATE_REPORTS_MESSAGE,
    });
  });
});
