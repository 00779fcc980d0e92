import type { z } from 'zod';
import { AppError, type FieldError } from '../../shared/app-error.ts';

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** zod-openapi calls this when a request fails its schema: answer 422 with every field error. */
export function validationHook(result: { success: boolean; error?: unknown; target?: string }): void {
  if (result.success) return;
  const fieldErrors = fieldErrorsOf(result.error as z.ZodError);
  const where = result.target === 'query' ? 'query parameters' : result.target === 'param' ? 'path' : 'request';
  throw new AppError('validation_failed', `The ${where} contains invalid values.`, { fieldErrors });
}
