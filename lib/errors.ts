// The error types every layer throws, and one mapping from any error to what a user or client sees.
// Declared here, at the bottom of the dependency order, so that throwing one needs no other import.

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
    return { status: 503, code: "unavailable", message: error.message };
  }
  console.error(error);
  return { status: 500, code: "internal", message: "Something went wrong on the server. The error was logged." };
}
