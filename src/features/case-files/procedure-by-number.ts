import type { Database } from '../../db/database.ts';

export type ProcedureForPerson = { procedureId: string; fileId: string; locationId: string; personId: string; number: string };

/**
 * The procedure with this Vorgangsnummer when the date of birth is its person's. A partly known
 * date of birth matches on its known parts. Unknown number and wrong date answer alike (undefined):
 * the caller cannot tell which one was wrong.
 */
export async function procedureForPerson(db: Database, number: string, dateOfBirth: string): Promise<ProcedureForPerson | undefined> {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const row = await db
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .innerJoin('case_person', 'case_person.id', 'case_file.person_id')
    .select(['case_procedure.id', 'case_procedure.file_id', 'case_procedure.number', 'case_file.location_id', 'case_person.id as person_id'])
    .select(['case_person.birth_year', 'case_person.birth_month', 'case_person.birth_day'])
    .where('case_procedure.number', '=', number)
    .executeTakeFirst();
  if (!row || row.birth_year !== year) return undefined;
  if (row.birth_month !== null && row.birth_month !== month) return undefined;
  if (row.birth_day !== null && row.birth_day !== day) return undefined;
  return { procedureId: row.id, fileId: row.file_id, locationId: row.location_id, personId: row.person_id, number: row.number };
}
