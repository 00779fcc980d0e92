import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { recordAudit } from '../audit.ts';
import { authorize } from '../policy.ts';
import type { StaffActor } from '../roles.ts';

export type ClosureLocation = { id: string; name: string; time_zone: string; federal_state: string | null };

/** Closures are written by whoever manages hours at the location: administrators, and its team leads. */
export async function closureLocation(db: Database, actor: StaffActor, locationId: string): Promise<ClosureLocation> {
  const location = await db.selectFrom('location').select(['id', 'name', 'time_zone', 'federal_state']).where('id', '=', locationId).executeTakeFirst();
  if (!location) throw new AppError('not_found', 'There is no such location.');
  authorize(actor, 'hours.manage', { locationId });
  return location;
}

export type ClosureInput = {
  locationId: string;
  day: string;
  starts: string | null;
  ends: string | null;
  reason: string;
  screen: string;
  ip?: string | undefined;
};

/** A whole day (no times), or from `starts` to `ends` ("24:00" or none: to the end of the day). */
export async function addClosure(deps: { db: Database; clock: Clock }, actor: StaffActor, input: ClosureInput): Promise<string> {
  await closureLocation(deps.db, actor, input.locationId);
  const starts = input.starts ?? (input.ends !== null ? '00:00' : null);
  const ends = starts === null ? null : (input.ends ?? '24:00');
  if (starts !== null && ends !== null && starts >= ends) {
    throw new AppError('validation_failed', 'The closure must end after it starts.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('location_closure')
      .values({ location_id: input.locationId, day: input.day, starts, ends, reason: input.reason, created_by: actor.staffId, created_at: deps.clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'admin.location_closure.add',
      target: { type: 'location_closure', id: row.id },
      after: row,
      screen: input.screen,
      ip: input.ip,
    });
    return row.id;
  });
}

export async function deleteClosure(
  deps: { db: Database; clock: Clock },
  actor: StaffActor,
  input: { locationId: string; closureId: string; screen: string; ip?: string | undefined },
): Promise<void> {
  await closureLocation(deps.db, actor, input.locationId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom('location_closure')
      .where('id', '=', input.closureId)
      .where('location_id', '=', input.locationId)
      .returningAll()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', 'This closure does not exist (any more).');
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'admin.location_closure.delete',
      target: { type: 'location_closure', id: before.id },
      before,
      screen: input.screen,
      ip: input.ip,
    });
  });
}
