// Responses of the route handlers: JSON with one error shape, and the wrapper that turns any thrown
// error into it (never a stack trace).
import { currentOutage } from "./availability.ts";
import { AppError, RETRY_AFTER_SECONDS, toPublicError, unavailableMessage } from "./errors.ts";

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function errorResponse(error: unknown): Response {
  const { status, code, message, details } = toPublicError(error);
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="ftz-monitor"';
  if (code === "unavailable") headers["retry-after"] = String(RETRY_AFTER_SECONDS);
  const retry = (details as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
  if (code === "too_many_requests" && typeof retry === "number") headers["retry-after"] = String(retry);
  return json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/** Wraps a route handler so that every failure becomes a JSON error response. */
export function handle<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      // While the database is known to be down, answer at once instead of waiting for a timeout.
      const outage = await currentOutage();
      if (outage) return errorResponse(new AppError("unavailable", unavailableMessage(outage)));
      return await handler(request, ...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A JSON request body (at most maxBytes), or a 400/413/415 that says what to send instead. */
export async function readJson(request: Request, what: string, maxBytes = 256 * 1024): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("unsupported_media_type", `Send ${what} as application/json.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", `The body is not valid JSON: send ${what} as application/json.`);
  }
}
