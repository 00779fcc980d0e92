import { randomBytes } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import { nameKeys } from '../src/features/case-files/name-keys.ts';
import type { StaffActor, StaffRole } from '../src/features/staff/index.ts';

/**
 * Persons with files for the search tests, written straight into the tables the way core's
 * insertPerson does (one case_person_name row per name, keys from nameKeys).
 */
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

const at = new Date('2026-11-02T09:00:00Z');

export async function addPersonWithFile(
  db: Database,
  locationId: string,
  person: SearchPerson,
): Promise<{ personId: string; fileId: string; reference: string }> {
  const row = await db
    .insertInto('case_person')
    .values({
      family_name: person.familyName,
      given_names: person.givenNames ?? '',
      birth_year: person.birth?.year ?? null,
      birth_month: person.birth?.month ?? null,
      birth_day: person.birth?.day ?? null,
      nationalities: person.nationalities ?? [],
      email: person.email ?? null,
      azr_number: person.azr ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const names = [
    { kind: 'family', value: person.familyName },
    ...(person.givenNames ? [{ kind: 'given', value: person.givenNames }] : []),
    ...(person.variants ?? []).map((value) => ({ kind: 'variant', value })),
  ];
  await db
    .insertInto('case_person_name')
    .values(names.map((name) => ({ person_id: row.id, kind: name.kind, value: name.value, ...nameKeys(name.value) })))
    .execute();
  if (person.cardSerial)
    await db.insertInto('residence_title').values({ person_id: row.id, kind: 'residence_permit', card_serial: person.cardSerial, created_at: at }).execute();
  const reference = person.reference ?? `WZ-${randomBytes(3).toString('hex').toUpperCase()}`;
  const file = await db
    .insertInto('case_file')
    .values({ person_id: row.id, reference, location_id: locationId, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { personId: row.id, fileId: file.id, reference };
}

let counter = 0;
export function staffActor(role: StaffRole, locationIds: string[], staffId: string): StaffActor {
  counter++;
  return { kind: 'staff', staffId, displayName: `Test ${counter}`, username: `${role}${counter}`, role, locationIds, specialtyIds: [], via: 'session' };
}
