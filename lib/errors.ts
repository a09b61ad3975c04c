// One error type for expected failures, and one mapping from any error to what a user or client sees.
import { DatabaseBusyError } from "./db/lock.ts";
import { DatabaseUnavailableError } from "./db/connection.ts";
import { MigrationError } from "./db/migrate.ts";
import { SeedError } from "./db/seed.ts";
import { EnvError } from "./env.ts";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
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

export type PublicError = { status: number; code: ErrorCode | "internal"; message: string; details?: unknown };

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
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof DatabaseBusyError ||
    error instanceof MigrationError ||
    error instanceof SeedError ||
    error instanceof EnvError
  ) {
    return { status: 503, code: "unavailable", message: error.message };
  }
  console.error(error);
  return { status: 500, code: "internal", message: "Something went wrong on the server. The error was logged." };
}
