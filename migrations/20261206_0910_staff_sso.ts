import { sql, type Kysely } from 'kysely';

/**
 * Single sign-on (OpenID Connect) for staff: the sign-in attempts between the redirect to the
 * identity provider and its answer (state, nonce, PKCE verifier; each used once), the IdP's
 * subject and session id on a staff session (back-channel logout ends sessions by them), the
 * refresh token that lets Lotse ask the IdP whether the person may still sign in, and the
 * office-wide choice whether local passwords are refused for everyone but the first administrator.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sso_sign_in_attempt (
      state_hash text PRIMARY KEY CHECK (length(state_hash) = 64),
      nonce text NOT NULL CHECK (length(nonce) <= 100),
      code_verifier text NOT NULL CHECK (length(code_verifier) BETWEEN 43 AND 128),
      next_path text NOT NULL CHECK (length(next_path) <= 300),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
    );
    CREATE INDEX sso_sign_in_attempt_by_expiry ON sso_sign_in_attempt (expires_at);

    ALTER TABLE staff_session
      ADD COLUMN sso_subject text CHECK (length(sso_subject) <= 255),
      ADD COLUMN sso_sid text CHECK (length(sso_sid) <= 255),
      ADD COLUMN sso_refresh_token text CHECK (length(sso_refresh_token) <= 8000),
      ADD COLUMN sso_checked_at timestamptz,
      ADD CONSTRAINT staff_session_sso_checked CHECK ((sso_subject IS NULL) = (sso_checked_at IS NULL));
    CREATE INDEX staff_session_by_sso_subject ON staff_session (sso_subject) WHERE sso_subject IS NOT NULL;
    CREATE INDEX staff_session_by_sso_sid ON staff_session (sso_sid) WHERE sso_sid IS NOT NULL;

    CREATE TABLE sign_in_policy (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      sso_required boolean NOT NULL DEFAULT false
    );
    INSERT INTO sign_in_policy DEFAULT VALUES;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE sign_in_policy, sso_sign_in_attempt;
    ALTER TABLE staff_session DROP CONSTRAINT staff_session_sso_checked,
      DROP COLUMN sso_subject, DROP COLUMN sso_sid, DROP COLUMN sso_refresh_token, DROP COLUMN sso_checked_at;
  `.execute(db);
}
