import type { Database } from '../../db/database.ts';

export type LetterAddressee = {
  personId: string;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  fileReference: string | null;
};

/** Name, postal address, e-mail and file reference of persons a letter goes to (invitations). */
export async function letterAddressees(db: Database, personIds: readonly string[]): Promise<Map<string, LetterAddressee>> {
  const result = new Map<string, LetterAddressee>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await db
      .selectFrom('case_person as p')
      .leftJoin('case_file as f', 'f.person_id', 'p.id')
      .select(['p.id', 'p.family_name', 'p.given_names', 'p.address_street', 'p.address_postal_code', 'p.address_city', 'p.email', 'f.reference'])
      .where('p.id', 'in', personIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) {
      result.set(r.id, {
        personId: r.id,
        name: `${r.given_names} ${r.family_name}`.trim(),
        street: r.address_street,
        postalCode: r.address_postal_code,
        city: r.address_city,
        email: r.email,
        fileReference: r.reference,
      });
    }
  }
  return result;
}
