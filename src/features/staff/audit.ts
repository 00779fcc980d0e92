import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { actorLabel, type Actor } from './roles.ts';
import { sha256 } from './secrets.ts';

export type AuditEntryInput = {
  actor?: Actor | undefined;
  /** When there is no actor yet (failed sign-in): what was typed as user name. */
  actorLabel?: string;
  action: string;
  outcome?: 'ok' | 'denied' | 'failed';
  target?: { type: string; id: string };
  /** The person whose data was opened or changed (see auditPersonForAppointment). */
  personId?: string | undefined;
  screen?: string | undefined;
  ip?: string | undefined;
  before?: unknown;
  after?: unknown;
  note?: string | undefined;
};

type Executor = Pick<Database, 'insertInto' | 'selectFrom'>;

const clip = (value: string | undefined, max: number) => (value === undefined ? null : value.slice(0, max));

/** Appends one entry to the audit trail. Pass the transaction so the entry commits with the change. */
export async function recordAudit(db: Executor, clock: Clock, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_entry')
    .values({
      at: clock.now(),
      actor_staff_id: entry.actor?.kind === 'staff' ? entry.actor.staffId : null,
      actor_label: (entry.actor ? actorLabel(entry.actor) : (entry.actorLabel ?? 'anonymous')).slice(0, 300),
      action: entry.action.slice(0, 100),
      outcome: entry.outcome ?? 'ok',
      target_type: entry.target ? entry.target.type.slice(0, 60) : null,
      target_id: entry.target ? entry.target.id.slice(0, 100) : null,
      person_id: entry.personId ?? null,
      screen: clip(entry.screen, 200),
      ip: clip(entry.ip, 64),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      note: clip(entry.note, 1000),
    })
    .execute();
}

/**
 * The audit person row for an appointment's person, created once (race-free upsert). An
 * appointment whose personal data was erased gets its pseudonym, never a name.
 */
export async function auditPersonForAppointment(
  db: Pick<Database, 'insertInto'>,
  appointment: { id: string; person_name: string | null; date_of_birth: string | null },
): Promise<string> {
  const label =
    appointment.person_name === null || appointment.date_of_birth === null
      ? pseudonymFor(appointment.id)
      : `${appointment.person_name} (${appointment.date_of_birth})`.slice(0, 300);
  const row = await db
    .insertInto('audit_person')
    .values({ appointment_id: appointment.id, label })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ appointment_id: appointment.id }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The audit person row for a person of the case file (issue 13), created once; the label follows
 * the person's current name. Not a foreign key: the row and its entries outlive the person.
 */
export async function auditPersonForCasePerson(db: Pick<Database, 'insertInto'>, person: { id: string; label: string }): Promise<string> {
  const label = person.label.slice(0, 300);
  const row = await db
    .insertInto('audit_person')
    .values({ case_person_id: person.id, label })
    .onConflict((oc) => oc.column('case_person_id').doUpdateSet({ label }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Before a case person is deleted: their audit rows keep the entries but lose the name and the link. */
export async function pseudonymiseCaseAuditPersons(db: Pick<Database, 'updateTable'>, clock: Clock, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const result = await db
    .updateTable('audit_person')
    .set({
      label: sql<string>`'pseudonym-' || left(encode(sha256(convert_to(case_person_id::text, 'UTF8')), 'hex'), 12)`,
      case_person_id: null,
      pseudonymised_at: clock.now(),
    })
    .where('case_person_id', 'in', [...personIds])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The same pseudonym for the same appointment, so entries before and after the erasure still group. */
function pseudonymFor(appointmentId: string): string {
  return `pseudonym-${sha256(appointmentId).slice(0, 12)}`;
}

/**
 * Anonymising persons keeps the audit trail: the entries stay as they are, only the person
 * rows they point to lose the name and the link to the record. Used for one person and by
 * the retention job for a batch of erased appointments (pass its transaction).
 */
export async function pseudonymiseAuditPersons(db: Database, clock: Clock, appointmentIds: readonly string[]): Promise<number> {
  if (appointmentIds.length === 0) return 0;
  // SET sees the old appointment_id: the label is computed like pseudonymFor() before the link is dropped.
  const result = await sql`
    UPDATE audit_person
    SET label = 'pseudonym-' || left(encode(sha256(convert_to(appointment_id::text, 'UTF8')), 'hex'), 12),
        appointment_id = NULL,
        pseudonymised_at = ${clock.now()}
    WHERE appointment_id = ANY(${[...appointmentIds]}::uuid[])
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type AuditQuery = { person?: string; staff?: string; from?: string; to?: string; limit?: number };

/** Search by person (name in the audit person row), staff member (user name / name) and day range. */
export async function searchAudit(db: Database, query: AuditQuery) {
  let q = db
    .selectFrom('audit_entry')
    .leftJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
    .leftJoin('staff', 'staff.id', 'audit_entry.actor_staff_id')
    .select([
      'audit_entry.id',
      'audit_entry.at',
      'audit_entry.actor_label',
      'audit_entry.action',
      'audit_entry.outcome',
      'audit_entry.target_type',
      'audit_entry.target_id',
      'audit_entry.screen',
      'audit_entry.ip',
      'audit_entry.before',
      'audit_entry.after',
      'audit_entry.note',
      'audit_entry.person_id',
      'audit_person.label as person_label',
    ]);
  if (query.person) q = q.where('audit_person.label', 'ilike', `%${escapeLike(query.person)}%`);
  if (query.staff) {
    const pattern = `%${escapeLike(query.staff)}%`;
    q = q.where((eb) => eb.or([eb('audit_entry.actor_label', 'ilike', pattern), eb('staff.display_name', 'ilike', pattern)]));
  }
  if (query.from) q = q.where('audit_entry.at', '>=', sql<Date>`${query.from}::date`);
  if (query.to) q = q.where('audit_entry.at', '<', sql<Date>`${query.to}::date + 1`);
  return q
    .orderBy('audit_entry.id', 'desc')
    .limit(query.limit ?? 200)
    .execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
