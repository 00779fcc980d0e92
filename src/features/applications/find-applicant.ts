import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import type { Database } from '../../db/database.ts';
import { nameKeys } from '../case-files/index.ts';

export type ApplicantIdentity = { familyName: string; givenNames: string; birth: { year: number; month: number | null; day: number | null } };
export type ApplicantMatch = { kind: 'found'; personId: string; fileId: string } | { kind: 'uncertain'; candidates: string[] } | { kind: 'new' };

/**
 * Who the applicant is in the files, by name and date of birth (docs/applications.md):
 * exactly one person with a file whose family and given names have the same keys (any script or
 * spelling) and the same full date of birth is found; persons who share only the family name's
 * loose key (Mohammed ~ Muhammad) and the year, or several exact ones, are candidates a clerk
 * confirms — the application then gets a new person, flagged as uncertain.
 */
type NameKind = 'family' | 'given' | 'birth' | 'former' | 'variant';
const familyKinds: NameKind[] = ['family', 'birth', 'former', 'variant'];

/** Whether the person has a name of these kinds with this key (normalized or the looser skeleton). */
function hasName(eb: ExpressionBuilder<DB & { p: DB['case_person'] }, 'p'>, kinds: NameKind[], key: 'normalized' | 'skeleton', value: string) {
  return eb.exists(
    eb
      .selectFrom('case_person_name as n')
      .select(sql`1`.as('one'))
      .whereRef('n.person_id', '=', 'p.id')
      .where('n.kind', 'in', kinds)
      .where(`n.${key}`, '=', value),
  );
}

export async function findApplicant(db: Database, who: ApplicantIdentity): Promise<ApplicantMatch> {
  const family = nameKeys(who.familyName);
  const given = nameKeys(who.givenNames);
  const rows = await db
    .selectFrom('case_person as p')
    .innerJoin('case_file as f', 'f.person_id', 'p.id')
    .select(['p.id', 'f.id as file_id', 'p.birth_year', 'p.birth_month', 'p.birth_day'])
    .select((eb) => [
      hasName(eb, familyKinds, 'normalized', family.normalized).as('family_exact'),
      hasName(eb, ['given'], 'normalized', given.normalized).as('given_exact'),
    ])
    .where('p.birth_year', '=', who.birth.year)
    .where('f.state', '=', 'active')
    .where((eb) => hasName(eb, familyKinds, 'skeleton', family.skeleton))
    .limit(20)
    .execute();
  const sameDay = (row: (typeof rows)[number]) =>
    who.birth.month !== null && who.birth.day !== null && row.birth_month === who.birth.month && row.birth_day === who.birth.day;
  const exact = rows.filter((row) => row.family_exact && row.given_exact && sameDay(row));
  if (exact.length === 1 && exact[0]) return { kind: 'found', personId: exact[0].id, fileId: exact[0].file_id };
  const candidates = rows.filter((row) => row.birth_month === null || who.birth.month === null || row.birth_month === who.birth.month).map((row) => row.id);
  return candidates.length ? { kind: 'uncertain', candidates } : { kind: 'new' };
}
