import type { Database } from '../../db/database.ts';

export type CaseFileRef = { id: string; personId: string; locationId: string; reference: string; state: 'active' | 'closed' | 'handed_over' };

/** Inserts a person's file (Ausländerakte) at a location. The reference is unique (a clash is 23505). */
export async function insertCaseFile(trx: Database, input: { personId: string; reference: string; locationId: string }, now: Date): Promise<{ id: string }> {
  return trx
    .insertInto('case_file')
    .values({ person_id: input.personId, reference: input.reference, location_id: input.locationId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const refColumns = ['id', 'person_id', 'location_id', 'reference', 'state'] as const;
const toRef = (row: { id: string; person_id: string; location_id: string; reference: string; state: string }): CaseFileRef => ({
  id: row.id,
  personId: row.person_id,
  locationId: row.location_id,
  reference: row.reference,
  state: row.state as CaseFileRef['state'],
});

/** The file with this reference (Aktenzeichen), exactly as written. */
export async function findCaseFileByReference(db: Database, reference: string): Promise<CaseFileRef | undefined> {
  const row = await db.selectFrom('case_file').select(refColumns).where('reference', '=', reference).executeTakeFirst();
  return row && toRef(row);
}

/** The person's file, if they have one. */
export async function findCaseFileByPerson(db: Database, personId: string): Promise<CaseFileRef | undefined> {
  const row = await db.selectFrom('case_file').select(refColumns).where('person_id', '=', personId).executeTakeFirst();
  return row && toRef(row);
}

/** Where a file is kept and whose it is: what authorization needs. Undefined for an unknown id. */
export async function caseFileLocation(db: Database, fileId: string): Promise<{ locationId: string; personId: string } | undefined> {
  const row = await db.selectFrom('case_file').select(['location_id', 'person_id']).where('id', '=', fileId).executeTakeFirst();
  return row && { locationId: row.location_id, personId: row.person_id };
}
