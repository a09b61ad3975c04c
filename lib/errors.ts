// The error types every layer throws, and one mapping from any error to what a user or client sees.
// Declared here, at the bottom of the dependency order, so that throwing one needs no other import.
import { markUnavailable } from "./availability.ts";
import { closest } from "./domain/suggest.ts";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  insufficient_storage: 507,
  not_configured: 503,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure with a message meant for the user (or API client) as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A query parameter naming a zone or indicator the database does not have: a 400 that names the parameter
 * and the closest known codes ("unknown zone 'anhu'; closest known codes: anhui, …").
 */
export function unknownCodeError(parameter: string, what: "zone" | "indicator", code: string, known: readonly string[]): AppError {
  const near = closest(code, known);
  return new AppError(
    "bad_request",
    `Parameter '${parameter}': unknown ${what} '${code}'${near.length ? `; closest known codes: ${near.join(", ")}` : ""}`,
    { parameter },
  );
}

/** A route asked for a record there is none of: a 404 that names it ("There is no event '12'"). */
export function notFoundError(noun: string, id: string): AppError {
  return new AppError("not_found", `There is no ${noun} '${id}'`);
}

/** What a lookup found (a record, or true for a delete that removed one); otherwise the 404 naming what was asked. */
export function foundOrThrow<T>(found: T | null | undefined | false, noun: string, id: string): T {
  if (found === null || found === undefined || found === false) throw notFoundError(noun, id);
  return found;
}

/**
 * Something the app depends on cannot be used — the database (down, busy, unmigrated), the seed, the
 * configuration. Its message says what is wrong in plain words; it becomes a 503.
 */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnavailableError";
  }
}

export type PublicError = { status: number; code: ErrorCode | "internal"; message: string; details?: unknown };

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's codes for a database it cannot reach, log in to, find, or hear back from in time.
const PRISMA_CONNECTION_CODES = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// Driver adapter error kinds (Prisma 7) that are about the connection, not the query.
const ADAPTER_KINDS: Record<string, string> = {
  DatabaseNotReachable: "the database server cannot be reached",
  DatabaseDoesNotExist: "the database does not exist (was it renamed or dropped?)",
  DatabaseAccessDenied: "the database refuses this user",
  AuthenticationFailed: "the database refuses this user's credentials",
  ConnectionClosed: "the database closed the connection",
  SocketTimeout: "the database did not answer in time",
  TooManyConnections: "the database has no free connection",
};

function reasonOf(error: Record<string, unknown>): string | undefined {
  const code = typeof error.code === "string" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message : "";
  const kind = typeof error.kind === "string" ? error.kind : undefined;
  if (kind && ADAPTER_KINDS[kind]) return ADAPTER_KINDS[kind];
  if (code === "3D000" || code === "P1003") return "the database does not exist (was it renamed or dropped?)";
  if (code === "57014" || /statement timeout/i.test(message)) return "a query took longer than the statement timeout";
  if (code === "P2024" || /timeout exceeded when trying to connect|connection timeout/i.test(message))
    return "no connection could be made in time";
  if (code === "P1008" || /Query read timeout|timed out/i.test(message)) return "the database did not answer in time";
  if (code && (SOCKET_CODES.has(code) || PRISMA_CONNECTION_CODES.has(code) || /^(08|53|57P)/.test(code)))
    return "the database server cannot be reached or closed the connection";
  if (
    /Connection terminated|Connection ended|terminating connection|the database system is (starting up|shutting down)|Can't reach database server/i.test(
      message,
    )
  )
    return "the database server cannot be reached or closed the connection";
  return undefined;
}

/**
 * When an error says the database connection failed (not the query): a plain reason; otherwise
 * undefined. Looks through the error's causes and Prisma's metadata, where drivers put the original.
 */
export function connectionFailure(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  const record = error as Record<string, unknown>;
  return (
    reasonOf(record) ??
    connectionFailure(record.cause, depth + 1) ??
    connectionFailure((record.meta as Record<string, unknown> | undefined)?.driverAdapterError, depth + 1)
  );
}

/**
 * When an error is a failed database connection: logs it, marks the database unavailable (the pages
 * answer 503 until a probe gets through) and gives the plain reason; undefined for any other error.
 */
export function noteUnavailable(error: unknown): string | undefined {
  const reason = connectionFailure(error) ?? (error instanceof UnavailableError ? error.message : undefined);
  if (!reason) return undefined;
  const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
  console.error(`ftz-monitor: database unavailable: ${reason} (${detail})`);
  markUnavailable(reason);
  return reason;
}

/** What a 503 for an unreachable database says: the reason, and that the server keeps trying. */
export function unavailableMessage(reason: string): string {
  return `The database is not available right now: ${reason}. The server keeps trying; try again in a few seconds.`;
}

/**
 * What to tell the outside about an error. Expected failures keep their message; infrastructure
 * failures get a plain explanation; anything else is logged and becomes a generic 500.
 */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  if (error instanceof UnavailableError) {
    markUnavailable(error.message);
    return { status: 503, code: "unavailable", message: error.message };
  }
  const reason = noteUnavailable(error);
  if (reason) return { status: 503, code: "unavailable", message: unavailableMessage(reason) };
  console.error(error);
  return { status: 500, code: "internal", message: "Something went wrong on the server. The error was logged." };
}
