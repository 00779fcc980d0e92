import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.generated.ts';

/** The tables a clerk's hours live in, each entry deletable by id. */
export type HoursTable = 'working_hours' | 'working_day_override';

const noLocation = '00000000-0000-0000-0000-000000000000';
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : [noLocation]);

export function findStaff(db: Database, staffId: string) {
  return db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', staffId).executeTakeFirst();
}

export async function staffLocationIds(db: Database, staffId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff_location').select('location_id').where('staff_id', '=', staffId).execute();
  return rows.map((r) => r.location_id);
}

/** The zone of the staff member's first location (by name); local times they type are meant there. */
export async function staffTimeZone(db: Database, staffId: string): Promise<string> {
  const row = await db
    .selectFrom('staff_location')
    .innerJoin('location', 'location.id', 'staff_location.location_id')
    .select('location.time_zone')
    .where('staff_id', '=', staffId)
    .orderBy('location.name')
    .executeTakeFirst();
  return row?.time_zone ?? 'Europe/Berlin';
}

/** Staff whose hours are kept (not administrators), all of them or those at one of the locations. */
export function listStaffWithHours(db: Database, atLocations: readonly string[] | 'all') {
  let query = db
    .selectFrom('staff')
    .select(['id', 'display_name', 'role', 'active'])
    .where('role', 'in', ['clerk', 'team_lead', 'reception'])
    .orderBy('display_name');
  if (atLocations !== 'all')
    query = query.where('id', 'in', db.selectFrom('staff_location').select('staff_id').where('location_id', 'in', orNone(atLocations)));
  return query.execute();
}

export function weeklyHours(db: Database, staffId: string) {
  return db.selectFrom('working_hours').selectAll().where('staff_id', '=', staffId).orderBy('weekday').orderBy('starts').execute();
}

export function dayOverrides(db: Database, staffId: string) {
  return db.selectFrom('working_day_override').selectAll().where('staff_id', '=', staffId).orderBy('day').execute();
}

export function locationNames(db: Database, ids: readonly string[]) {
  return db.selectFrom('location').select(['id', 'name']).where('id', 'in', orNone(ids)).execute();
}

export type AbsenceRow = { id: string; reason: string; note: string; starts: Date; ends: Date };

/** Absences of a staff member that overlap [from, until); `until` left out: all that end after `from`. */
export function absencesOf(db: Database, staffId: string, from: Date, until?: Date): Promise<AbsenceRow[]> {
  return db
    .selectFrom('absence')
    .select(['id', 'reason', 'note', sql<Date>`lower(during)`.as('starts'), sql<Date>`upper(during)`.as('ends')])
    .where('staff_id', '=', staffId)
    .where(until ? sql<boolean>`during && tstzrange(${from}::timestamptz, ${until}::timestamptz)` : sql<boolean>`upper(during) > ${from}`)
    .orderBy(sql`lower(during)`)
    .execute();
}

export function findAbsence(db: Database, absenceId: string) {
  return db
    .selectFrom('absence')
    .select(['id', 'staff_id', sql<Date>`lower(during)`.as('starts'), sql<Date>`upper(during)`.as('ends')])
    .where('id', '=', absenceId)
    .executeTakeFirst();
}

export function insertWorkingHours(
  trx: Transaction<DB>,
  row: { staff_id: string; location_id: string; weekday: number; starts: string; ends: string; valid_from: string | null; valid_until: string | null },
) {
  return trx.insertInto('working_hours').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertDayOverride(trx: Transaction<DB>, row: { staff_id: string; location_id: string; day: string; starts: string; ends: string }) {
  return trx.insertInto('working_day_override').values(row).returningAll().executeTakeFirstOrThrow();
}

export function hoursEntryLocation(db: Database, table: HoursTable, id: string, staffId: string) {
  return db.selectFrom(table).select('location_id').where('id', '=', id).where('staff_id', '=', staffId).executeTakeFirst();
}

export function deleteHoursEntry(trx: Transaction<DB>, table: HoursTable, id: string, staffId: string) {
  return trx.deleteFrom(table).where('id', '=', id).where('staff_id', '=', staffId).returningAll().executeTakeFirst();
}

export async function insertAbsence(
  trx: Transaction<DB>,
  row: { staffId: string; from: Date; until: Date; reason: 'absence' | 'blocked'; note: string },
): Promise<string> {
  const inserted = await trx
    .insertInto('absence')
    .values({
      staff_id: row.staffId,
      during: sql<string>`tstzrange(${row.from}::timestamptz, ${row.until}::timestamptz, '[)')`,
      reason: row.reason,
      note: row.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
