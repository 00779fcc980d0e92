import { z } from 'zod';
import type { ChangeContext } from '../staff/index.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { validateInput } from './validate-input.ts';

/** The version a change is based on (form field or If-Match). */
export const basedOnVersion = z.coerce.number().int().min(1);
/** An optional note (Vermerk); empty means none. */
export const optionalNote = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(2000).optional());
/** A code in the catalogue: lower case letters, digits, - and _. */
export const catalogueCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Kürzel: a–z, 0–9, - und _ / code: a–z, 0–9, - and _');

/** The first steps of every change of a file: validate the input, then authorize writing on the file's location. */
export async function fileChangeRequest<S extends z.ZodType<{ fileId: string }>>(deps: CaseFileDeps, ctx: ChangeContext, schema: S, input: unknown) {
  const request = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, request.fileId, 'case_file.write', ctx);
  return { request, file };
}
