import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { actorLabel, type StaffActor } from '../../staff/index.ts';

type Executor = Pick<Database, 'insertInto' | 'selectFrom'>;

export type ShownResult = { personId: string; personLabel: string; target: { type: 'case_file' | 'case_document'; id: string } };

/**
 * Audits a result list as shown: one entry per result, linked to the person's audit row
 * (audit_person.case_person_id, labelled with personAuditLabel) exactly as auditFileRead does
 * for opening a file, so the entries outlive the file. Not auditFileRead itself: that takes three
 * statements per file, and a list of twenty while typing must cost two statements, not sixty.
 * The search words are the note of each entry.
 */
export async function auditSearchResults(
  trx: Executor,
  clock: Clock,
  actor: StaffActor,
  list: { what: 'case_file.search_persons' | 'case_file.search_documents' | 'case_file.identify_persons'; query: string; results: readonly ShownResult[] },
): Promise<void> {
  const labels = new Map(list.results.map((result) => [result.personId, result.personLabel.slice(0, 300)]));
  if (labels.size === 0) return;
  const people = await trx
    .insertInto('audit_person')
    .values([...labels].map(([personId, label]) => ({ case_person_id: personId, label })))
    .onConflict((oc) => oc.column('case_person_id').doUpdateSet((eb) => ({ case_person_id: eb.ref('excluded.case_person_id') })))
    .returning(['id', 'case_person_id'])
    .execute();
  const auditPersonOf = new Map(people.map((row) => [row.case_person_id, row.id]));
  // One statement for the whole list: a search as you type must not pay a round trip per result.
  await trx
    .insertInto('audit_entry')
    .values(
      list.results.map((result) => ({
        at: clock.now(),
        actor_staff_id: actor.staffId,
        actor_label: actorLabel(actor).slice(0, 300),
        action: list.what,
        outcome: 'ok',
        target_type: result.target.type,
        target_id: result.target.id,
        person_id: auditPersonOf.get(result.personId) ?? null,
        note: `search: ${list.query}`.slice(0, 1000),
      })),
    )
    .execute();
}
