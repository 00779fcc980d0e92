import { sql, type Kysely } from 'kysely';

/**
 * What a location's letters carry (issue 15): the authority's name as the letterhead's first
 * line, contact lines under it (address, phone, e-mail, hours), the return line in the envelope
 * window and the signature block. Entered by administrators; until then letters use the
 * location's name and address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE location_letterhead (
      location_id uuid PRIMARY KEY REFERENCES location(id) ON DELETE CASCADE,
      authority text NOT NULL CHECK (length(authority) BETWEEN 1 AND 200),
      contact_lines text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(contact_lines) <= 4 AND length(array_to_string(contact_lines, '')) <= 800),
      return_address text NOT NULL CHECK (length(return_address) BETWEEN 1 AND 200),
      signature_lines text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(signature_lines) <= 4 AND length(array_to_string(signature_lines, '')) <= 800),
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES staff(id) ON DELETE SET NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE location_letterhead`.execute(db);
}
