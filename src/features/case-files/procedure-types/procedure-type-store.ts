import { createHash } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import type { StatusText } from './standard-statuses.ts';

/** Digest of the German status text a translation was made from (outdated translations show up). */
export function statusSourceDigest(german: StatusText): string {
  return createHash('sha256').update(`${german.label}\n${german.nextStep}`).digest('hex').slice(0, 16);
}

export async function listProcedureTypes(db: Database) {
  return db
    .selectFrom('procedure_type')
    .leftJoin('procedure_status', 'procedure_status.procedure_type_id', 'procedure_type.id')
    .select((eb) => [
      'procedure_type.id',
      'procedure_type.code',
      'procedure_type.name_de',
      'procedure_type.name_en',
      'procedure_type.legal_basis',
      'procedure_type.active',
      eb.fn.count<number>('procedure_status.id').as('statuses'),
    ])
    .groupBy('procedure_type.id')
    .orderBy('procedure_type.name_de')
    .execute();
}

/** A type with its statuses in order and every status's texts by language. */
export async function procedureTypeWithStatuses(db: Database, typeId: string) {
  const type = await db.selectFrom('procedure_type').selectAll().where('id', '=', typeId).executeTakeFirst();
  if (!type) return undefined;
  const statuses = await db.selectFrom('procedure_status').selectAll().where('procedure_type_id', '=', typeId).orderBy('position').execute();
  const texts = statuses.length
    ? await db
        .selectFrom('procedure_status_text')
        .selectAll()
        .where(
          'procedure_status_id',
          'in',
          statuses.map((s) => s.id),
        )
        .execute()
    : [];
  return {
    type,
    statuses: statuses.map((s) => ({
      ...s,
      texts: Object.fromEntries(
        texts.filter((t) => t.procedure_status_id === s.id).map((t) => [t.lang, { label: t.label, nextStep: t.next_step, sourceDigest: t.source_digest }]),
      ),
    })),
  };
}

/** Writes a status's texts whole: languages left out lose their text (the look-up falls back to German). */
export async function replaceStatusTexts(trx: Database, statusId: string, texts: Record<string, StatusText>, now: Date): Promise<void> {
  await trx.deleteFrom('procedure_status_text').where('procedure_status_id', '=', statusId).execute();
  const german = texts.de;
  const digest = german ? statusSourceDigest(german) : null;
  const rows = Object.entries(texts).map(([lang, t]) => ({
    procedure_status_id: statusId,
    lang,
    label: t.label,
    next_step: t.nextStep,
    source_digest: lang === 'de' ? null : digest,
    updated_at: now,
  }));
  if (rows.length) await trx.insertInto('procedure_status_text').values(rows).execute();
}

export async function insertProcedureStatus(
  trx: Database,
  input: { typeId: string; code: string; isFinal: boolean; notify: boolean; texts: Record<string, StatusText> },
  now: Date,
): Promise<{ id: string }> {
  const last = await trx
    .selectFrom('procedure_status')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('procedure_type_id', '=', input.typeId)
    .executeTakeFirst();
  const status = await trx
    .insertInto('procedure_status')
    .values({ procedure_type_id: input.typeId, code: input.code, position: (last?.max ?? -1) + 1, is_final: input.isFinal, notify: input.notify })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceStatusTexts(trx, status.id, input.texts, now);
  return status;
}

/** The services a type's appointments may be booked for (the inbox offers its free times), with German names. */
export async function serviceChoices(db: Database) {
  return db
    .selectFrom('service')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'service.id').on('service_text.lang', '=', 'de'))
    .select(['service.id', 'service.slug', 'service_text.name'])
    .where('service.active', '=', true)
    .orderBy('service.sort_order')
    .orderBy('service.slug')
    .execute();
}

export type ServiceChoice = Awaited<ReturnType<typeof serviceChoices>>[number];
