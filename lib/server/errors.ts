import "server-only";

/**
 * Expected failures. `code` picks the message in the catalogue (errors.<code>); field errors
 * carry catalogue keys too. Anything else thrown inside an action is logged and shown generically.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  /** The account must first set a new password or a second factor (lib/features/accounts/pending.ts). */
  | "ACCOUNT_SETUP";

/** The one HTTP status of each expected failure, for every route handler (lib/server/route.ts). */
export const ERROR_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  ACCOUNT_SETUP: 403,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = () => new AppError("FORBIDDEN");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and forms: a malformed one is simply "not found", not a database error. */
export function assertId(id: string): string {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND");
  return id;
}
