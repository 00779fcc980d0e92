import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

/** The columns of a location an administrator edits. */
export type LocationColumns = { name: string; slug: string; address: string; time_zone: string; federal_state: string | null; active: boolean };

/** A location as the pages that manage its hours and closures need it. */
export type ManagedLocation = { id: string; name: string; time_zone: string; federal_state: string | null };

export function allLocations(db: Database) {
  return db.selectFrom('location').selectAll().orderBy('name').execute();
}

export function locationById(db: Database, id: string) {
  return db.selectFrom('location').selectAll().where('id', '=', id).executeTakeFirst();
}

export function managedLocationById(db: Database, id: string): Promise<ManagedLocation | undefined> {
  return db.selectFrom('location').select(['id', 'name', 'time_zone', 'federal_state']).where('id', '=', id).executeTakeFirst();
}

/** Every location, or only those with the given ids. */
export function locationsAmong(db: Database, ids: readonly string[] | 'all') {
  let query = db.selectFrom('location').select(['id', 'name', 'federal_state']).orderBy('name');
  if (ids !== 'all') query = query.where('id', 'in', ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  return query.execute();
}

export function locationChoices(db: Database) {
  return db.selectFrom('location').select(['id', 'name']).orderBy('name').execute();
}

export function insertLocation(trx: Transaction<DB>, columns: LocationColumns) {
  return trx.insertInto('location').values(columns).returningAll().executeTakeFirstOrThrow();
}

export function lockLocation(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('location').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateLocationRow(trx: Transaction<DB>, id: string, columns: LocationColumns) {
  return trx.updateTable('location').set(columns).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function countersAt(db: Database, locationId: string) {
  return db.selectFrom('counter').selectAll().where('location_id', '=', locationId).orderBy('name').execute();
}

export function resourcesAt(db: Database, locationId: string) {
  return db.selectFrom('resource').selectAll().where('location_id', '=', locationId).orderBy('name').execute();
}

export function insertCounter(trx: Transaction<DB>, locationId: string, name: string) {
  return trx.insertInto('counter').values({ location_id: locationId, name }).returningAll().executeTakeFirstOrThrow();
}

export function insertResource(trx: Transaction<DB>, locationId: string, resource: { name: string; kind: string }) {
  return trx
    .insertInto('resource')
    .values({ location_id: locationId, ...resource })
    .returningAll()
    .executeTakeFirstOrThrow();
}
