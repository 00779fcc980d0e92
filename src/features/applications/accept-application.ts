import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { applicationForClerk } from './inbox-store.ts';

/**
 * A clerk accepts a submitted application into the file: it leaves the inbox. Once: two clerks at
 * the same moment, one wins (the update names the state it expects), the other hears it is done.
 */
export async function acceptApplication(deps: FormDeps, ctx: ChangeContext, applicationId: string): Promise<void> {
  const application = await applicationForClerk(deps.db, applicationId);
  if (!application) throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
  await authorizeChange(deps, ctx, 'case_file.write', { locationId: application.location_id });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const accepted = await trx
      .updateTable('application')
      .set({ state: 'accepted', accepted_at: now, accepted_by_staff_id: ctx.actor.staffId, updated_at: now })
      .where('id', '=', application.id)
      .where('state', '=', 'submitted')
      .returning('id')
      .executeTakeFirst();
    if (!accepted) throw new AppError('conflict', 'Dieser Antrag wurde schon übernommen. / This application was already accepted.');
    await recordChange(trx, deps.clock, ctx, { action: 'application.accept', target: { type: 'application', id: application.id } });
  });
}
