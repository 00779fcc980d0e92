import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { policyColumnOf, policySelection, type InvitationPolicy } from './invitation-policy.ts';

/** The policy as the admin page edits it: the settings and the version the form was loaded with. */
export type VersionedPolicy = InvitationPolicy & { version: number };

const selectVersioned = (db: Database | Transaction<DB>) => db.selectFrom('invitation_policy').select([...policySelection, 'version']);

export async function policyRow(db: Database): Promise<VersionedPolicy> {
  return (await selectVersioned(db).executeTakeFirstOrThrow()) as VersionedPolicy;
}

export async function lockPolicy(trx: Transaction<DB>): Promise<VersionedPolicy> {
  return (await selectVersioned(trx).forUpdate().executeTakeFirstOrThrow()) as VersionedPolicy;
}

/** Writes the settings and counts the version up (the row was locked and its version checked). */
export async function updatePolicyRow(trx: Transaction<DB>, policy: InvitationPolicy, at: Date): Promise<VersionedPolicy> {
  const columns = Object.fromEntries(Object.entries(policyColumnOf).map(([setting, column]) => [column, policy[setting as keyof InvitationPolicy]]));
  const row = await trx
    .updateTable('invitation_policy')
    .set({ ...columns, updated_at: at, version: sql<number>`version + 1` })
    .returning([...policySelection, 'version'])
    .executeTakeFirstOrThrow();
  return row as VersionedPolicy;
}

export type TitleServiceRow = { title_kind: string; service_id: string; version: number };

export function titleServiceRows(db: Database): Promise<TitleServiceRow[]> {
  return db.selectFrom('invitation_service').select(['title_kind', 'service_id', 'version']).orderBy('title_kind').execute();
}

export function lockTitleService(trx: Transaction<DB>, kind: string): Promise<TitleServiceRow | undefined> {
  return trx.selectFrom('invitation_service').select(['title_kind', 'service_id', 'version']).where('title_kind', '=', kind).forUpdate().executeTakeFirst();
}

/** A new mapping; undefined when the kind has one already (someone else added it meanwhile). */
export function insertTitleService(trx: Transaction<DB>, kind: string, serviceId: string): Promise<TitleServiceRow | undefined> {
  return trx
    .insertInto('invitation_service')
    .values({ title_kind: kind, service_id: serviceId })
    .onConflict((oc) => oc.column('title_kind').doNothing())
    .returning(['title_kind', 'service_id', 'version'])
    .executeTakeFirst();
}

export function updateTitleService(trx: Transaction<DB>, kind: string, serviceId: string): Promise<TitleServiceRow> {
  return trx
    .updateTable('invitation_service')
    .set({ service_id: serviceId, version: sql<number>`version + 1` })
    .where('title_kind', '=', kind)
    .returning(['title_kind', 'service_id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function deleteTitleService(trx: Transaction<DB>, kind: string): Promise<void> {
  await trx.deleteFrom('invitation_service').where('title_kind', '=', kind).execute();
}
