import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';

/** Validates a use case's input; every problem becomes a field error of one 422, nothing is written. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'Einige Angaben sind nicht gültig. / Some fields are not valid.', {
    fieldErrors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message })),
  });
}

/** A PostgreSQL error's code and constraint, to turn a refused write into the user's mistake. */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {};
}
