import { sql, type Kysely } from 'kysely';

/**
 * Indexes the office's figures need (issue 15, docs/figures.md): applications by the time they were
 * submitted (accepted ones too — the inbox's index keeps only those still waiting), status changes
 * by status and time (decisions in a period without reading every history), and procedures by the
 * time they were opened and closed (the flow of a period).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX application_by_submission ON application (submitted_at) WHERE submitted_at IS NOT NULL;
    CREATE INDEX case_procedure_status_change_by_status ON case_procedure_status_change (status_id, at);
    CREATE INDEX case_procedure_by_opening ON case_procedure (opened_at);
    CREATE INDEX case_procedure_by_closing ON case_procedure (closed_at) WHERE closed_at IS NOT NULL;
    CREATE INDEX procedure_notice_by_delivery ON procedure_notice (done_at) WHERE done_at IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX procedure_notice_by_delivery, case_procedure_by_closing, case_procedure_by_opening, case_procedure_status_change_by_status, application_by_submission;
  `.execute(db);
}
