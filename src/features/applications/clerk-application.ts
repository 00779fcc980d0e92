import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { type ApplicationForBooking, applicationForBooking } from './inbox-store.ts';

/** A submitted application a clerk acts on, with its person and file; the clerk must write files at its location. */
export async function applicationOfClerk(deps: FormDeps, ctx: ChangeContext, applicationId: string): Promise<ApplicationForBooking> {
  const application = await applicationForBooking(deps.db, applicationId);
  if (!application || application.state === 'draft') throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
  await authorizeChange(deps, ctx, 'case_file.write', { locationId: application.location_id });
  return application;
}
