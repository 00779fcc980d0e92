import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { changeProcedure } from './procedure-change.ts';
import { validateInput } from './validate-input.ts';

const schema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('suspend'),
    procedureId: z.uuid(),
    basedOnVersion: z.coerce.number().int().min(1),
    reason: z.string().trim().min(1, 'Grund angeben / give a reason').max(500),
  }),
  z.object({ action: z.literal('resume'), procedureId: z.uuid(), basedOnVersion: z.coerce.number().int().min(1) }),
]);

/** Suspends a procedure (ruhen lassen) with a reason, e.g. waiting for a passport, or resumes it. */
export async function suspendOrResumeProcedure(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number }> {
  const request = validateInput(schema, input);
  return changeProcedure(deps, ctx, { ...request, action: `case_procedure.${request.action}` }, async (current) => {
    if (request.action === 'suspend') {
      if (current.closed_at) throw new AppError('conflict', 'Ein abgeschlossener Vorgang kann nicht ruhen. / A closed procedure cannot be suspended.');
      return { set: { suspended_at: current.suspended_at ?? deps.clock.now(), suspension_reason: request.reason }, changed: ['suspension'] };
    }
    if (!current.suspended_at) return { set: {}, changed: [] };
    return { set: { suspended_at: null, suspension_reason: null }, changed: ['suspension'] };
  });
}
