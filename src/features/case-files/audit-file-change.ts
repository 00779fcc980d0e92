import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { auditPersonForCasePerson, recordAudit, type ChangeContext } from '../staff/index.ts';
import { personAuditLabel } from './audit-file-read.ts';
import type { VersionedChange } from './version-conflict.ts';

/**
 * Audits a change of a person's file, pointing to the person's audit row. `after` holds the new
 * version and the names of the changed fields, never their values (see version-conflict.ts).
 * Pass the transaction of the change.
 */
export async function auditFileChange(
  trx: Database,
  clock: Clock,
  ctx: ChangeContext,
  entry: { personId: string; action: string; target: { type: string; id: string }; after?: VersionedChange | Record<string, unknown>; note?: string },
): Promise<void> {
  const person = await trx
    .selectFrom('case_person')
    .select(['id', 'family_name', 'given_names', 'birth_year', 'birth_month', 'birth_day'])
    .where('id', '=', entry.personId)
    .executeTakeFirstOrThrow();
  const personId = await auditPersonForCasePerson(trx, { id: person.id, label: personAuditLabel(person) });
  await recordAudit(trx, clock, {
    actor: ctx.actor,
    action: entry.action,
    target: entry.target,
    personId,
    screen: ctx.screen,
    ip: ctx.ip,
    after: entry.after,
    note: entry.note,
  });
}
