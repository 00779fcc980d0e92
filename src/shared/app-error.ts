/**
 * The one error type of Lotse. Domain code throws it with a code; the HTTP edge
 * maps the code to a status (see platform/http/error-edge.ts). Match on `code`,
 * never on the message text.
 */
export type AppErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'slot_taken'
  | 'duplicate_booking'
  | 'gone'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: { fieldErrors?: FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {}) {
    // A refusal is an answer, not a fault: nobody reads its stack, and capturing one through a
    // request's async frames cost about 10 µs of every refused booking in a rush (docs/performance.md).
    const stackTraceLimit = Error.stackTraceLimit;
    if (code !== 'internal') Error.stackTraceLimit = 0;
    super(message, { cause: options.cause });
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
