import { sourceLang } from '../../web/i18n.ts';
import type { Db } from './front-desk-store.ts';

/** The kiosk's reads: the ticket slip and the concerns a visitor without an appointment may choose. */
export async function ticketAt(db: Db, ticketId: string, locationId: string) {
  return db
    .selectFrom('ticket')
    .select(['display_number', 'language', 'service_id', 'checked_in_at'])
    .where('id', '=', ticketId)
    .where('location_id', '=', locationId)
    .executeTakeFirst();
}

/** A service's name in `lang`, else in German. */
export async function serviceName(db: Db, serviceId: string, lang: string): Promise<string> {
  const texts = await db
    .selectFrom('service_text')
    .select(['lang', 'name'])
    .where('service_id', '=', serviceId)
    .where('lang', 'in', [lang, sourceLang])
    .execute();
  return (texts.find((t) => t.lang === lang) ?? texts.find((t) => t.lang === sourceLang))?.name ?? '';
}

/** Services offered at the location that take walk-ins, with today's use of their quota. */
export async function walkInServices(db: Db, locationId: string, day: string, lang: string) {
  return db
    .selectFrom('service')
    .innerJoin('service_location', 'service_location.service_id', 'service.id')
    .leftJoin('walk_in_count', (join) =>
      join.onRef('walk_in_count.service_id', '=', 'service.id').on('walk_in_count.location_id', '=', locationId).on('walk_in_count.day', '=', day),
    )
    .leftJoin('service_text as own', (join) => join.onRef('own.service_id', '=', 'service.id').on('own.lang', '=', lang))
    .leftJoin('service_text as de', (join) => join.onRef('de.service_id', '=', 'service.id').on('de.lang', '=', sourceLang))
    .select(['service.id', 'own.name as own_name', 'de.name as de_name', 'service.walk_in_daily_quota', 'walk_in_count.used'])
    .where('service_location.location_id', '=', locationId)
    .where('service.active', '=', true)
    .where('service.walk_in_allowed', '=', true)
    .orderBy('service.sort_order')
    .execute();
}
