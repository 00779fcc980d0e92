import { randomBytes } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import { insertCaseFile } from '../src/features/case-files/case-file-store.ts';
import { insertPerson, type PersonInput } from '../src/features/case-files/person-store.ts';

/** Tests stand on a fixed day: the one the test app's clock shows by default. */
export const caseFileTestNow = new Date('2026-11-23T07:00:00Z');

/** A plain, valid person; override what the test is about. */
export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    familyName: 'Rahimi',
    givenNames: 'Mehrnoosh',
    birthName: null,
    birthDate: { year: 1990, month: 5, day: 17 },
    placeOfBirth: 'Teheran',
    countryOfBirth: 'IR',
    nationalities: ['IR'],
    sex: 'female',
    addressStreet: 'Bahnhofstraße 1',
    addressPostalCode: '35578',
    addressCity: 'Wetzlar',
    email: null,
    phone: null,
    preferredLanguage: 'fa',
    azrNumber: null,
    formerNames: [],
    nameVariants: [],
    ...overrides,
  };
}

export type TestCaseFile = { personId: string; fileId: string; reference: string; locationId: string };

/** A person with a file at a location, written as the use cases write them (names with search keys). */
export async function createPersonWithFile(
  db: Database,
  options: { locationId: string; person?: Partial<PersonInput>; reference?: string; now?: Date },
): Promise<TestCaseFile> {
  const reference = options.reference ?? `T-${randomBytes(4).toString('hex').toUpperCase()}`;
  const now = options.now ?? caseFileTestNow;
  return db.transaction().execute(async (trx) => {
    const person = await insertPerson(trx, personInput(options.person), now);
    const file = await insertCaseFile(trx, { personId: person.id, reference, locationId: options.locationId }, now);
    return { personId: person.id, fileId: file.id, reference, locationId: options.locationId };
  });
}
