import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Every versioned change of the case file audits `after: { version, changed: [field names] }`
 * (names only: the audit trail outlives the person and keeps no personal data). A save based on
 * an older version is refused with the list of fields others changed since, read from there.
 */
export type VersionedChange = { version: number; changed: string[] };

export async function versionConflict(db: Database, target: { type: string; id: string }, basedOn: number, labels: Record<string, string>): Promise<AppError> {
  const rows = await db
    .selectFrom('audit_entry')
    .select(['actor_label', 'at', sql<string[] | null>`after -> 'changed'`.as('changed'), sql<number>`(after ->> 'version')::int`.as('version')])
    .where('target_type', '=', target.type)
    .where('target_id', '=', target.id)
    .where('outcome', '=', 'ok')
    .where(sql<boolean>`(after ->> 'version')::int > ${basedOn}`)
    .orderBy('id')
    .execute();
  const fields = [...new Set(rows.flatMap((row) => (Array.isArray(row.changed) ? row.changed : [])))];
  const names = fields.map((field) => labels[field] ?? field);
  const who = [...new Set(rows.map((row) => row.actor_label.replace(/ \(.*\)$/, '')))];
  const current = rows.at(-1)?.version;
  const message =
    `Inzwischen geändert${who.length ? ` von ${who.join(', ')}` : ''}: ${names.length ? names.join(', ') : 'unbekannte Felder'}. ` +
    'Ihre Änderung wurde nicht gespeichert; bitte laden Sie die Seite neu und tragen Sie sie erneut ein. ' +
    `/ Changed meanwhile: ${fields.join(', ') || 'unknown fields'}; your change was not saved, reload and enter it again.`;
  return new AppError('conflict', message, { details: { changedFields: fields, changedBy: who, currentVersion: current ?? null } });
}
