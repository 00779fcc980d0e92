import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type ExpiringTitle = {
  titleId: string;
  kind: string;
  validUntil: string;
  personId: string;
  familyName: string;
  givenNames: string;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  email: string | null;
  preferredLanguage: string | null;
  address: { street: string | null; postalCode: string | null; city: string | null };
  locationId: string;
  fileReference: string;
};

/**
 * Current residence titles expiring in [from, to] of persons whose file is active and who have
 * nothing under way: no open procedure (the extension may already be applied for) and no linked
 * appointment still to come. Ordered by expiry, most urgent first. For the invitations (issue 15).
 */
export async function expiringTitles(db: Database, range: { from: string; to: string; now: Date }): Promise<ExpiringTitle[]> {
  const rows = await db
    .selectFrom('residence_title as rt')
    .innerJoin('case_person as p', 'p.id', 'rt.person_id')
    .innerJoin('case_file as f', (join) => join.onRef('f.person_id', '=', 'p.id').on('f.state', '=', 'active'))
    .select([
      'rt.id as titleId',
      'rt.kind',
      sql<string>`rt.valid_until::text`.as('validUntil'),
      'p.id as personId',
      'p.family_name as familyName',
      'p.given_names as givenNames',
      'p.birth_year as birthYear',
      'p.birth_month as birthMonth',
      'p.birth_day as birthDay',
      'p.email',
      'p.preferred_language as preferredLanguage',
      'p.address_street',
      'p.address_postal_code',
      'p.address_city',
      'f.location_id as locationId',
      'f.reference as fileReference',
    ])
    .where('rt.is_current', '=', true)
    .where('rt.valid_until', '>=', range.from)
    .where('rt.valid_until', '<=', range.to)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_procedure as cp').select(sql`1`.as('one')).whereRef('cp.file_id', '=', 'f.id').where('cp.closed_at', 'is', null))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_appointment_link as l')
            .innerJoin('appointment as a', 'a.id', 'l.appointment_id')
            .select(sql`1`.as('one'))
            .whereRef('l.person_id', '=', 'p.id')
            .where('a.status', 'in', ['booked', 'reserved', 'held', 'checked_in'])
            .where('a.starts_at', '>', range.now),
        ),
      ),
    )
    .orderBy('rt.valid_until')
    .orderBy('rt.id')
    .execute();
  return rows.map(({ address_street, address_postal_code, address_city, ...row }) => ({
    ...row,
    address: { street: address_street, postalCode: address_postal_code, city: address_city },
  }));
}
