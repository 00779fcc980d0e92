import { AppError } from '../../../shared/app-error.ts';
import { absenceForManager, authorizeChange, can, type ChangeContext } from '../../staff/index.ts';
import { affectedAppointments, cancelAppointmentForAbsence, moveAppointmentToColleague } from '../absence-impact.ts';
import { auditAppointmentsViewed } from '../appointment-person.ts';
import type { NotifyingDeps } from '../notified-changes.ts';
import { qualifiedColleagues } from '../reassign-appointment.ts';

type Deps = Pick<NotifyingDeps, 'db' | 'clock'>;

/**
 * The booked appointments an absence hits, each with the colleagues who could take it. A clerk
 * working at two locations: a team lead sees only the appointments of the locations they manage.
 */
export async function reviewAbsenceImpact(deps: Deps, ctx: ChangeContext, absenceId: string) {
  const { absence, staff } = await absenceForManager(deps, ctx, absenceId);
  const affected = (await affectedAppointments(deps.db, absenceId)).filter((a) => can(ctx.actor, 'hours.manage', { locationId: a.location_id }));
  const alternatives = await Promise.all(affected.map((a) => qualifiedColleagues(deps.db, a.id)));
  await auditAppointmentsViewed(deps, { actor: ctx.actor, appointmentIds: affected.map((a) => a.id), screen: 'absence impact', ip: ctx.ip });
  return { absence, staff, affected: affected.map((appointment, index) => ({ appointment, alternatives: alternatives[index] ?? [] })) };
}

/** The appointment must (still) be hit by the absence, at a location where the actor manages hours. */
async function hitByAbsence(deps: Deps, ctx: ChangeContext, absenceId: string, appointmentId: string) {
  await absenceForManager(deps, ctx, absenceId);
  const hit = (await affectedAppointments(deps.db, absenceId)).find((a) => a.id === appointmentId);
  if (!hit) throw new AppError('conflict', 'This appointment is not (any more) affected by the absence.');
  await authorizeChange(deps, ctx, 'hours.manage', { locationId: hit.location_id });
}

export async function moveForAbsence(deps: Deps, ctx: ChangeContext, absenceId: string, input: { appointmentId: string; toStaffId: string }): Promise<void> {
  await hitByAbsence(deps, ctx, absenceId, input.appointmentId);
  await moveAppointmentToColleague(deps, ctx.actor, { ...input, screen: 'absence impact' });
}

export async function cancelForAbsence(
  deps: NotifyingDeps,
  ctx: ChangeContext,
  absenceId: string,
  input: { appointmentId: string; note: string },
): Promise<void> {
  await hitByAbsence(deps, ctx, absenceId, input.appointmentId);
  await cancelAppointmentForAbsence(deps, ctx.actor, { ...input, screen: 'absence impact' });
}
