import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';

export const etag = (version: number) => `"${version}"`;

/** The version an If-Match names; a write without it is refused (428), an unreadable one never matches (412). */
export function basedOn(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read (GET first). / If-Match fehlt.');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed', 'If-Match names no version of this resource.');
  return Number(match[1]);
}

/** A version conflict of a write with If-Match is a failed precondition (412), with the fields changed meanwhile. */
export function asPrecondition(error: unknown): never {
  if (isAppError(error) && error.code === 'conflict' && error.details && 'changedFields' in error.details) {
    throw new AppError('precondition_failed', error.message, { details: error.details });
  }
  throw error;
}
