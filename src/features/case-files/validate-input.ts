import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';

/** Validates a use case's input; every problem becomes a field error of one 422, nothing is written. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
  const list = fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw new AppError('validation_failed', `Einige Angaben sind nicht gültig / some fields are not valid — ${list}`.slice(0, 2000), { fieldErrors });
}

/** A PostgreSQL error's code and constraint, to turn a refused write into the user's mistake. */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {};
}
