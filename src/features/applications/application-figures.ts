import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Online applications of one form submitted in one ISO week, and how many of them a clerk has accepted since. */
export type ApplicationWeek = { form: string; week: string; submitted: number; accepted: number };

/**
 * Online applications submitted between `from` and `to` on the location's forms, per form and ISO
 * week of submission (in the location's zone). The form is named by its published title (German),
 * else by its slug. Counts only, no personal data.
 */
export async function applicationsPerFormAndWeek(
  db: Database,
  input: { locationId: string; from: Date; to: Date; timeZone: string },
): Promise<ApplicationWeek[]> {
  const { rows } = await sql<{ form: string; week: string; submitted: number; accepted: number }>`
    SELECT coalesce((SELECT pv.texts->>'title' FROM application_form_version pv WHERE pv.form_id = f.id AND pv.state = 'published'), f.slug) AS form,
           w.week, count(*)::int AS submitted, count(*) FILTER (WHERE a.state = 'accepted')::int AS accepted
      FROM application a
      JOIN application_form_version v ON v.id = a.form_version_id
      JOIN application_form f ON f.id = v.form_id
      CROSS JOIN LATERAL (SELECT to_char(date_trunc('week', a.submitted_at AT TIME ZONE ${input.timeZone}), 'IYYY-"W"IW') AS week) w
     WHERE a.submitted_at >= ${input.from} AND a.submitted_at < ${input.to} AND f.location_id = ${input.locationId}
     GROUP BY f.id, f.slug, w.week
     ORDER BY form, w.week`.execute(db);
  return rows;
}
