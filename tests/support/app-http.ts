// Asking a running app (tests/support/server.ts) as its users do: a page as a browser navigates to it, and a
// package posted to the import API with the admin token.
import { expect } from "vitest";

export type PageAnswer = { status: number; cache: string | null; html: string };

/** A page as a browser navigates: accepting HTML (the client router's own requests accept *∕* and are never kept). */
export async function page(base: string, p: string, cookie?: string): Promise<PageAnswer> {
  const headers: Record<string, string> = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", ...(cookie ? { cookie } : {}) };
  const response = await fetch(new URL(p, base), { headers, redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-ftz-cache"), html: await response.text() };
}

/** Posts one file to `POST /api/imports` of `base` with the admin token; answers the response as it is. */
export function postFile(base: string, token: string, name: string, csv: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([csv]), name);
  return fetch(new URL("/api/imports", base), { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

/** Posts one file to `POST /api/imports` of `base` and expects it committed; answers the response. */
export async function postPackage(base: string, token: string, name: string, csv: string): Promise<Response> {
  const response = await postFile(base, token, name, csv);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.clone().json()).toMatchObject({ committed: true });
  return response;
}
