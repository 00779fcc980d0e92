import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type AppErrorCode } from '../../shared/app-error.ts';
import type { Logger } from '../log.ts';

/** The one place where error codes become HTTP statuses. */
export const statusOfCode: Record<AppErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  slot_taken: 409,
  duplicate_booking: 409,
  gone: 410,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const titleOfCode: Record<AppErrorCode, string> = {
  bad_request: 'Bad request',
  invalid_json: 'Invalid JSON',
  validation_failed: 'Invalid input',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  slot_taken: 'Time slot no longer free',
  duplicate_booking: 'Appointment already booked',
  gone: 'No longer available',
  precondition_failed: 'Changed meanwhile',
  precondition_required: 'If-Match required',
  payload_too_large: 'Request too large',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/** Turns anything thrown into an AppError; unknown errors become `internal` and are logged. */
export function toAppError(error: unknown, logger: Logger, requestId: string | undefined): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large', 'The request body is too large.');
    if (error.status === 400 && /json/i.test(error.message)) return new AppError('invalid_json', 'The request body is not valid JSON.');
    if (error.status === 401) return new AppError('unauthenticated', error.message || 'Please sign in.');
    if (error.status === 403) return new AppError('forbidden', error.message || 'You may not do this.');
    if (error.status === 404) return new AppError('not_found', 'Nothing was found here.');
    if (error.status < 500) return new AppError('bad_request', error.message || 'The request could not be understood.');
  }
  logger.error({ err: error, requestId }, 'unhandled error');
  return new AppError('internal', 'Something went wrong on our side. Please try again.');
}

/** RFC 9457 problem details, with the request id so a report can be traced in the logs. */
export function problemResponse(c: Context, error: AppError): Response {
  const status = statusOfCode[error.code];
  const body: Record<string, unknown> = {
    type: `https://lotse.example/problems/${error.code.replaceAll('_', '-')}`,
    title: titleOfCode[error.code],
    status,
    detail: error.message,
    code: error.code,
    instance: c.req.path,
    requestId: c.get('requestId'),
  };
  if (error.fieldErrors) body.errors = error.fieldErrors;
  if (error.details) Object.assign(body, error.details);
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=utf-8' });
}

export function wantsProblemJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
