import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB, Service } from '../../db/schema.generated.ts';
import type { ServiceTextFields } from './translation-status.ts';

/** The settings of a service an administrator edits. */
export type ServiceColumns = Omit<Selectable<Service>, 'id' | 'created_at' | 'updated_at' | 'sort_order'>;

/** Every service (active or not) with all its texts, for the overview of translations. */
export async function servicesWithTexts(db: Database) {
  const [services, texts] = await Promise.all([
    db.selectFrom('service').select(['id', 'slug', 'duration_minutes', 'active']).orderBy('sort_order').orderBy('slug').execute(),
    db
      .selectFrom('service_text')
      .select(['service_id', 'lang', 'name', 'description', 'audience', 'required_documents', 'fee_note', 'source_digest'])
      .execute(),
  ]);
  return { services, texts };
}

export function serviceById(db: Database, id: string) {
  return db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The texts of a service, in all languages or only the given ones. */
export function serviceTexts(db: Database, serviceId: string, langs?: string[]) {
  let query = db.selectFrom('service_text').selectAll().where('service_id', '=', serviceId);
  if (langs) query = query.where('lang', 'in', langs);
  return query.execute();
}

export async function serviceLinks(db: Database, serviceId: string) {
  const [specialties, locations] = await Promise.all([
    db.selectFrom('service_specialty').select('specialty_id').where('service_id', '=', serviceId).execute(),
    db.selectFrom('service_location').select('location_id').where('service_id', '=', serviceId).execute(),
  ]);
  return { specialtyIds: specialties.map((row) => row.specialty_id), locationIds: locations.map((row) => row.location_id) };
}

/** The new service's id, or undefined when the short name is taken. */
export async function insertService(trx: Transaction<DB>, columns: ServiceColumns): Promise<string | undefined> {
  const row = await trx
    .insertInto('service')
    .values(columns)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function lockService(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('service').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function slugTakenByOther(trx: Transaction<DB>, slug: string, id: string): Promise<boolean> {
  return (await trx.selectFrom('service').select('id').where('slug', '=', slug).where('id', '<>', id).executeTakeFirst()) !== undefined;
}

export function updateServiceRow(trx: Transaction<DB>, id: string, columns: ServiceColumns & { updated_at: Date }) {
  return trx.updateTable('service').set(columns).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The service's specialties and locations become exactly the given ones. */
export async function replaceServiceLinks(trx: Transaction<DB>, serviceId: string, links: { specialtyIds: string[]; locationIds: string[] }) {
  await trx.deleteFrom('service_specialty').where('service_id', '=', serviceId).execute();
  await trx.deleteFrom('service_location').where('service_id', '=', serviceId).execute();
  if (links.specialtyIds.length)
    await trx
      .insertInto('service_specialty')
      .values([...new Set(links.specialtyIds)].map((id) => ({ service_id: serviceId, specialty_id: id })))
      .execute();
  if (links.locationIds.length)
    await trx
      .insertInto('service_location')
      .values([...new Set(links.locationIds)].map((id) => ({ service_id: serviceId, location_id: id })))
      .execute();
}

export function serviceText(trx: Transaction<DB>, serviceId: string, lang: string) {
  return trx.selectFrom('service_text').selectAll().where('service_id', '=', serviceId).where('lang', '=', lang).executeTakeFirst();
}

export function upsertServiceText(
  trx: Transaction<DB>,
  key: { serviceId: string; lang: string },
  text: ServiceTextFields & { source_digest: string | null; updated_at?: Date },
) {
  return trx
    .insertInto('service_text')
    .values({ service_id: key.serviceId, lang: key.lang, ...text })
    .onConflict((oc) => oc.columns(['service_id', 'lang']).doUpdateSet(text))
    .returningAll()
    .executeTakeFirstOrThrow();
}
