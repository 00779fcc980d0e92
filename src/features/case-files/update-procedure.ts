import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { changeProcedure } from './procedure-change.ts';
import { feeStates } from './procedure-store.ts';
import { validateInput } from './validate-input.ts';

const blank = (v: unknown) => (v === '' ? null : v);
const schema = z.object({
  procedureId: z.uuid(),
  basedOnVersion: z.coerce.number().int().min(1),
  /** the clerk in charge (Sachbearbeitung), or null for nobody */
  assignedStaffId: z.preprocess(blank, z.uuid().nullable()),
  plannedEnd: z.preprocess(blank, z.iso.date('Datum als JJJJ-MM-TT / date as YYYY-MM-DD').nullable()),
  feeState: z.enum(feeStates),
});

/** Sets who works on a procedure, when it should be done and the state of its fee; based on the version the clerk saw. */
export async function updateProcedure(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number; changed: string[] }> {
  const request = validateInput(schema, input);
  return changeProcedure(deps, ctx, { ...request, action: 'case_procedure.update' }, async (current, trx) => {
    if (request.assignedStaffId && request.assignedStaffId !== current.assigned_staff_id) {
      // Only someone who may work on this file can be put in charge of it.
      const staff = await trx
        .selectFrom('staff')
        .innerJoin('staff_location', 'staff_location.staff_id', 'staff.id')
        .select('staff.id')
        .where('staff.id', '=', request.assignedStaffId)
        .where('staff_location.location_id', '=', current.location_id)
        .where('staff.role', 'in', ['clerk', 'team_lead'])
        .executeTakeFirst();
      if (!staff) {
        throw new AppError('validation_failed', 'Diese Person arbeitet nicht als Sachbearbeitung an diesem Standort. / Not a clerk of this location.', {
          fieldErrors: [{ path: 'assignedStaffId', message: 'nicht zulässig / not allowed' }],
        });
      }
    }
    const changed = [
      ...(request.assignedStaffId !== current.assigned_staff_id ? ['assignedStaffId'] : []),
      ...(request.plannedEnd !== current.planned_end ? ['plannedEnd'] : []),
      ...(request.feeState !== current.fee_state ? ['feeState'] : []),
    ];
    return { set: { assigned_staff_id: request.assignedStaffId, planned_end: request.plannedEnd, fee_state: request.feeState }, changed };
  });
}
