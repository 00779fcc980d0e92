import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { sourceLang } from '../../web/i18n.ts';
import type { InfoPageTextFields } from './info-page-status.ts';

/** The queries of the information pages (tables info_page, info_page_text, service_info_page). */

export type InfoPageColumns = { slug: string; position: number; published: boolean };
export type InfoPageTextColumns = InfoPageTextFields & { source_digest: string | null; machine_translated: boolean };

const textColumns = ['lang', 'title', 'summary', 'body', 'source_digest', 'machine_translated', 'approved_at', 'approved_by', 'version'] as const;

/** Every page (published or not) with every text, for the overview of translations. */
export async function infoPagesWithTexts(db: Database) {
  const [pages, texts] = await Promise.all([
    db.selectFrom('info_page').selectAll().orderBy('position').orderBy('slug').execute(),
    db
      .selectFrom('info_page_text')
      .select(['info_page_id', ...textColumns])
      .execute(),
  ]);
  return { pages, texts };
}

export function infoPageById(db: Database, id: string) {
  return db.selectFrom('info_page').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The texts of a page, in all languages or only the given ones. */
export function infoPageTexts(db: Database, pageId: string, langs?: string[]) {
  let query = db.selectFrom('info_page_text').select(textColumns).where('info_page_id', '=', pageId);
  if (langs) query = query.where('lang', 'in', langs);
  return query.execute();
}

export async function infoPageServiceIds(db: Database, pageId: string): Promise<string[]> {
  const rows = await db.selectFrom('service_info_page').select('service_id').where('info_page_id', '=', pageId).execute();
  return rows.map((row) => row.service_id);
}

/** Services an administrator can link a page to: id and German name. */
export function serviceChoices(db: Database) {
  return db
    .selectFrom('service as s')
    .leftJoin('service_text as t', (join) => join.onRef('t.service_id', '=', 's.id').on('t.lang', '=', sourceLang))
    .select(['s.id', sql<string>`coalesce(t.name, s.slug)`.as('name')])
    .orderBy('s.sort_order')
    .orderBy('s.slug')
    .execute();
}

export function lockInfoPage(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('info_page').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertInfoPage(trx: Transaction<DB>, columns: InfoPageColumns & { created_at: Date; updated_at: Date }) {
  return trx.insertInto('info_page').values(columns).returningAll().executeTakeFirstOrThrow();
}

/** Writes the settings and counts the version up (the page was locked and its version checked). */
export function updateInfoPageRow(trx: Transaction<DB>, id: string, columns: InfoPageColumns & { updated_at: Date }) {
  return trx
    .updateTable('info_page')
    .set({ ...columns, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function infoPageText(trx: Transaction<DB>, pageId: string, lang: string) {
  return trx.selectFrom('info_page_text').selectAll().where('info_page_id', '=', pageId).where('lang', '=', lang).executeTakeFirst();
}

/** A new or changed text: its version counts up and an earlier approval no longer holds. */
export function upsertInfoPageText(trx: Transaction<DB>, key: { pageId: string; lang: string }, text: InfoPageTextColumns & { updated_at: Date }) {
  const changed = { ...text, approved_at: null, approved_by: null };
  return trx
    .insertInto('info_page_text')
    .values({ info_page_id: key.pageId, lang: key.lang, ...changed })
    .onConflict((oc) => oc.columns(['info_page_id', 'lang']).doUpdateSet({ ...changed, version: sql<number>`info_page_text.version + 1` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function approveInfoPageText(trx: Transaction<DB>, key: { pageId: string; lang: string }, approval: { staffId: string; at: Date }) {
  return trx
    .updateTable('info_page_text')
    .set({ approved_by: approval.staffId, approved_at: approval.at, updated_at: approval.at, version: sql<number>`version + 1` })
    .where('info_page_id', '=', key.pageId)
    .where('lang', '=', key.lang)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The page's services become exactly the given ones. */
export async function replaceInfoPageServices(trx: Transaction<DB>, pageId: string, serviceIds: string[]) {
  await trx.deleteFrom('service_info_page').where('info_page_id', '=', pageId).execute();
  if (serviceIds.length)
    await trx
      .insertInto('service_info_page')
      .values([...new Set(serviceIds)].map((id) => ({ service_id: id, info_page_id: pageId })))
      .execute();
}

/** Published pages, in order, with their texts in `lang` and in German (the fallback). */
export function publishedInfoPageTexts(db: Database, lang: string, where: { slug?: string } = {}) {
  let query = db
    .selectFrom('info_page as p')
    .innerJoin('info_page_text as t', 't.info_page_id', 'p.id')
    .where('p.published', '=', true)
    .where('t.lang', 'in', [...new Set([lang, sourceLang])])
    .select(['p.id', 'p.slug', 'p.position', 't.lang', 't.title', 't.summary', 't.body', 't.source_digest', 't.machine_translated', 't.approved_at'])
    .orderBy('p.position')
    .orderBy('p.slug');
  if (where.slug !== undefined) query = query.where('p.slug', '=', where.slug);
  return query.execute();
}

/** Which published pages each service links to (service id → page ids). */
export async function publishedPagesOfServices(db: Database): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('service_info_page as l')
    .innerJoin('info_page as p', 'p.id', 'l.info_page_id')
    .where('p.published', '=', true)
    .select(['l.service_id', 'l.info_page_id'])
    .orderBy('p.position')
    .orderBy('p.slug')
    .execute();
  const byService = new Map<string, string[]>();
  for (const row of rows) byService.set(row.service_id, [...(byService.get(row.service_id) ?? []), row.info_page_id]);
  return byService;
}
