import { sql, type Kysely } from 'kysely';

/**
 * The logout tokens already used (OpenID Connect Back-Channel Logout 1.0, 2.6: a token's jti is
 * not accepted twice). Kept as long as such a token is accepted at all (its age limit), then purged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sso_logout_token (
      jti text PRIMARY KEY CHECK (length(jti) BETWEEN 1 AND 255),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sso_logout_token_by_expiry ON sso_logout_token (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE sso_logout_token`.execute(db);
}
