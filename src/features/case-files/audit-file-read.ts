import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { auditPersonForCasePerson, recordAudit, type Actor } from '../staff/index.ts';
import type { Origin } from './case-file-deps.ts';

/** How a case person appears in the audit trail: name and date of birth (as far as known). */
export function personAuditLabel(person: {
  family_name: string;
  given_names: string;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
}): string {
  const pad = (n: number | null) => (n === null ? '??' : String(n).padStart(2, '0'));
  const birth = person.birth_year === null ? '????' : `${person.birth_year}-${pad(person.birth_month)}-${pad(person.birth_day)}`;
  return `${person.family_name}, ${person.given_names} (${birth})`;
}

export type FileRead = {
  fileId: string;
  /** the audit action, e.g. `case_file.open`, `case_document.read`, `case_file.search_result`, `case_file.identify` */
  what: string;
  /** what was read when it is not the file itself (a document, a version) */
  target?: { type: string; id: string };
  /** a reason the reader gave, if any */
  why?: string;
} & Origin;

/**
 * Records that a staff member saw a file (or a part of it). The entry points to the person's
 * audit row (audit_person.case_person_id), which is no foreign key: deleting the person or the
 * file leaves the trail. Pass the transaction of the read when there is one.
 */
export async function auditFileRead(db: Database, clock: Clock, actor: Actor, read: FileRead): Promise<void> {
  const person = await db
    .selectFrom('case_file')
    .innerJoin('case_person', 'case_person.id', 'case_file.person_id')
    .select(['case_person.id', 'family_name', 'given_names', 'birth_year', 'birth_month', 'birth_day'])
    .where('case_file.id', '=', read.fileId)
    .executeTakeFirst();
  const personId = person ? await auditPersonForCasePerson(db, { id: person.id, label: personAuditLabel(person) }) : undefined;
  await recordAudit(db, clock, {
    actor,
    action: read.what,
    target: read.target ?? { type: 'case_file', id: read.fileId },
    personId,
    screen: read.screen,
    ip: read.ip,
    note: read.why,
  });
}
