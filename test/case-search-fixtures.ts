import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { insertCaseFile } from '../src/features/case-files/case-file-store.ts';
import { insertPerson } from '../src/features/case-files/person-store.ts';
import { personInput } from './case-file-factory.ts';
import type { StaffActor, StaffRole } from '../src/features/staff/index.ts';

/** Persons with files for the search tests, written by core's insertPerson and insertCaseFile. */
export type SearchPerson = {
  familyName: string;
  givenNames?: string;
  variants?: string[];
  birth?: { year: number; month?: number; day?: number };
  nationalities?: string[];
  email?: string;
  azr?: string;
  cardSerial?: string;
  reference?: string;
};

/** The person most case-file tests look for: stored in Latin script, searched in Cyrillic too. */
export const oleksandrPetrenko: SearchPerson = {
  familyName: 'Petrenko',
  givenNames: 'Oleksandr',
  variants: ['Олександр Петренко'],
  birth: { year: 1990, month: 3, day: 12 },
  nationalities: ['UA'],
  reference: 'WZ-2024/00123',
};

const at = new Date('2026-11-02T09:00:00Z');

export async function addPersonWithFile(
  db: Database,
  locationId: string,
  person: SearchPerson,
): Promise<{ personId: string; fileId: string; reference: string }> {
  const reference = person.reference ?? `WZ-${randomBytes(3).toString('hex').toUpperCase()}`;
  return db.transaction().execute(async (trx) => {
    const row = await insertPerson(
      trx,
      personInput({
        familyName: person.familyName,
        givenNames: person.givenNames ?? '',
        birthDate: person.birth ? { year: person.birth.year, month: person.birth.month ?? null, day: person.birth.day ?? null } : null,
        nationalities: person.nationalities ?? [],
        email: person.email ?? null,
        azrNumber: person.azr ?? null,
        nameVariants: person.variants ?? [],
      }),
      at,
    );
    if (person.cardSerial)
      await trx.insertInto('residence_title').values({ person_id: row.id, kind: 'residence_permit', card_serial: person.cardSerial, created_at: at }).execute();
    const file = await insertCaseFile(trx, { personId: row.id, reference, locationId }, at);
    return { personId: row.id, fileId: file.id, reference };
  });
}

let counter = 0;
export function staffActor(role: StaffRole, locationIds: string[], staffId: string): StaffActor {
  counter++;
  return { kind: 'staff', staffId, displayName: `Test ${counter}`, username: `${role}${counter}`, role, locationIds, specialtyIds: [], via: 'session' };
}

/**
 * A document with its current version's text and the search vector the docs helper's text job
 * writes (title weight A, text weight B, German configuration).
 */
export async function addDocumentWithText(db: Database, fileId: string, document: { title: string; text: string | null }): Promise<string> {
  const sha256 = randomBytes(32).toString('hex');
  await db.insertInto('blob').values({ sha256, size: 10, media_type: 'application/pdf', created_at: at }).execute();
  const row = await db
    .insertInto('case_document')
    .values((eb) => ({
      file_id: fileId,
      title: document.title,
      category: 'application',
      text_state: document.text === null ? 'no_text' : 'extracted',
      search_vector: eb.fn('setweight', [eb.fn('to_tsvector', [eb.val('german'), eb.val(document.title)]), eb.val('A')]) as never,
      created_at: at,
      updated_at: at,
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`UPDATE case_document SET search_vector = search_vector || setweight(to_tsvector('german', ${document.text ?? ''}), 'B') WHERE id = ${row.id}`.execute(
    db,
  );
  await db
    .insertInto('case_document_version')
    .values({
      document_id: row.id,
      number: 1,
      blob_sha256: sha256,
      media_type: 'application/pdf',
      size: 10,
      file_name: 'scan.pdf',
      extracted_text: document.text,
      created_by: 'test',
      created_at: at,
    })
    .execute();
  return row.id;
}
