import type { Database } from '../../db/database.ts';
import { nameKeys } from './name-keys.ts';

/** What a person's name rows are: `family` and `given` mirror the person's columns; the others are extra. */
export const personNameKinds = ['family', 'given', 'birth', 'former', 'variant'] as const;
export type PersonNameKind = (typeof personNameKinds)[number];
export type PersonName = { kind: PersonNameKind; value: string };

/** A date of birth as the papers give it: often only the year, or year and month. */
export type PartialDate = { year: number; month: number | null; day: number | null };

export const sexes = ['female', 'male', 'diverse', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** A person (Kunde) as the use cases and the import write it. Nullable fields are simply unknown. */
export type PersonInput = {
  familyName: string;
  givenNames: string;
  birthName: string | null;
  birthDate: PartialDate | null;
  placeOfBirth: string | null;
  /** ISO 3166-1 alpha-2, upper case */
  countryOfBirth: string | null;
  nationalities: string[];
  sex: Sex;
  addressStreet: string | null;
  addressPostalCode: string | null;
  addressCity: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: string | null;
  azrNumber: string | null;
  /** Former names (after a marriage, another transliteration on an older passport). */
  formerNames: string[];
  /** Other spellings of the name, in any script (e.g. the name in Arabic script as in the passport). */
  nameVariants: string[];
};

/** The person's columns from an input (shared by insert and update). */
export function personColumns(input: PersonInput) {
  return {
    family_name: input.familyName,
    given_names: input.givenNames,
    birth_name: input.birthName,
    birth_year: input.birthDate?.year ?? null,
    birth_month: input.birthDate?.month ?? null,
    birth_day: input.birthDate?.day ?? null,
    place_of_birth: input.placeOfBirth,
    country_of_birth: input.countryOfBirth,
    nationalities: input.nationalities,
    sex: input.sex,
    address_street: input.addressStreet,
    address_postal_code: input.addressPostalCode,
    address_city: input.addressCity,
    email: input.email,
    phone: input.phone,
    preferred_language: input.preferredLanguage,
    azr_number: input.azrNumber,
  };
}

/** Every name of a person as name rows: family, given, birth name, former names, variants (no empties, no repeats). */
export function namesOf(input: Pick<PersonInput, 'familyName' | 'givenNames' | 'birthName' | 'formerNames' | 'nameVariants'>): PersonName[] {
  const names: PersonName[] = [
    { kind: 'family', value: input.familyName },
    { kind: 'given', value: input.givenNames },
    ...(input.birthName ? [{ kind: 'birth' as const, value: input.birthName }] : []),
    ...input.formerNames.map((value) => ({ kind: 'former' as const, value })),
    ...input.nameVariants.map((value) => ({ kind: 'variant' as const, value })),
  ];
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = `${name.kind}\u0000${name.value}`;
    if (name.value.trim() === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Inserts a person and all their name rows (with search keys). Pass the transaction. */
export async function insertPerson(trx: Database, input: PersonInput, now: Date): Promise<{ id: string }> {
  const person = await trx
    .insertInto('case_person')
    .values({ ...personColumns(input), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replacePersonNames(trx, person.id, namesOf(input));
  return person;
}

/** Rewrites a person's name rows whole (the search keys follow the names). Pass the transaction. */
export async function replacePersonNames(trx: Database, personId: string, names: readonly PersonName[]): Promise<void> {
  await trx.deleteFrom('case_person_name').where('person_id', '=', personId).execute();
  if (names.length === 0) return;
  await trx
    .insertInto('case_person_name')
    .values(names.map((name) => ({ person_id: personId, kind: name.kind, value: name.value, ...nameKeys(name.value) })))
    .execute();
}

/** A person's names, family first, then given, birth, former names and variants (each kind by value). */
export async function personNames(db: Database, personId: string): Promise<PersonName[]> {
  const rows = await db.selectFrom('case_person_name').select(['kind', 'value']).where('person_id', '=', personId).orderBy('value').execute();
  const rank = (kind: string) => personNameKinds.indexOf(kind as PersonNameKind);
  return rows.sort((a, b) => rank(a.kind) - rank(b.kind)).map((row) => ({ kind: row.kind as PersonNameKind, value: row.value }));
}
