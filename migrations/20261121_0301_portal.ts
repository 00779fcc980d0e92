import { sql, type Kysely } from 'kysely';

/**
 * What the citizen portal keeps to keep bots out: secrets it generated itself, proof-of-work
 * challenges already used (replays fail), and rate-limit counters shared by all instances.
 * Keys of the counters are HMACs of IP addresses and e-mails, never the plain values.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE portal_secret (
      name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
      value text NOT NULL CHECK (length(value) BETWEEN 32 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE proof_of_work_used (
      challenge text PRIMARY KEY CHECK (length(challenge) BETWEEN 16 AND 200),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX proof_of_work_used_expiry ON proof_of_work_used (expires_at);

    CREATE TABLE rate_limit_counter (
      bucket text NOT NULL CHECK (length(bucket) BETWEEN 1 AND 60),
      key_hash text NOT NULL CHECK (length(key_hash) BETWEEN 16 AND 128),
      window_start timestamptz NOT NULL,
      hits integer NOT NULL DEFAULT 1 CHECK (hits >= 1),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (bucket, key_hash, window_start)
    );
    CREATE INDEX rate_limit_counter_expiry ON rate_limit_counter (expires_at);

    -- One reminder per appointment and start time: a retried reminder job queues no second mail.
    CREATE TABLE appointment_reminder_sent (
      appointment_id uuid NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      queued_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (appointment_id, starts_at)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE appointment_reminder_sent, rate_limit_counter, proof_of_work_used, portal_secret`.execute(db);
}
