import type { Database } from '../../db/database.ts';
import { sourceLang, type Lang } from '../../web/i18n.ts';

export type PortalLocation = {
  id: string;
  slug: string;
  name: string;
  address: string;
  time_zone: string;
  federal_state: string | null;
  /** Walk-in hours: when visitors are seen without an appointment. */
  hours: { weekday: number; opens: string; closes: string }[];
};

export type PortalService = {
  id: string;
  slug: string;
  duration_minutes: number;
  fee_cents: number | null;
  online_bookable: boolean;
  walk_in_allowed: boolean;
  max_days_ahead: number;
  name: string;
  /** The German name, shown beside a translation because the office's letters use it. */
  german_name: string;
  description: string;
  audience: string;
  required_documents: string[];
  fee_note: string;
  location_ids: string[];
};

export async function listLocations(db: Database): Promise<PortalLocation[]> {
  const rows = await db
    .selectFrom('location')
    .select(['id', 'slug', 'name', 'address', 'time_zone', 'federal_state'])
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  const hours = await db.selectFrom('location_opening_hours').selectAll().orderBy('weekday').orderBy('opens').execute();
  return rows.map((row) => ({
    ...row,
    hours: hours.filter((h) => h.location_id === row.id).map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
  }));
}

export async function listServices(db: Database, lang: Lang): Promise<PortalService[]> {
  const services = await db
    .selectFrom('service')
    .select(['id', 'slug', 'duration_minutes', 'fee_cents', 'online_bookable', 'walk_in_allowed', 'max_days_ahead'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('slug')
    .execute();
  if (services.length === 0) return [];
  const ids = services.map((s) => s.id);
  const texts = await db
    .selectFrom('service_text')
    .select(['service_id', 'lang', 'name', 'description', 'audience', 'required_documents', 'fee_note'])
    .where('service_id', 'in', ids)
    .where('lang', 'in', [lang, sourceLang])
    .execute();
  const places = await db.selectFrom('service_location').select(['service_id', 'location_id']).where('service_id', 'in', ids).execute();
  return services.map((service) => {
    const german = texts.find((t) => t.service_id === service.id && t.lang === sourceLang);
    const own = texts.find((t) => t.service_id === service.id && t.lang === lang) ?? german;
    return {
      ...service,
      name: own?.name ?? service.slug,
      german_name: german?.name ?? own?.name ?? service.slug,
      description: own?.description ?? '',
      audience: own?.audience ?? '',
      required_documents: own?.required_documents ?? [],
      fee_note: own?.fee_note ?? '',
      location_ids: places.filter((p) => p.service_id === service.id).map((p) => p.location_id),
    };
  });
}

export async function findService(db: Database, lang: Lang, slug: string): Promise<PortalService | undefined> {
  return (await listServices(db, lang)).find((service) => service.slug === slug);
}

export async function findServiceById(db: Database, lang: Lang, id: string): Promise<PortalService | undefined> {
  return (await listServices(db, lang)).find((service) => service.id === id);
}

export async function findLocation(db: Database, slug: string): Promise<PortalLocation | undefined> {
  return (await listLocations(db)).find((location) => location.slug === slug);
}

export async function findLocationById(db: Database, id: string): Promise<PortalLocation | undefined> {
  return (await listLocations(db)).find((location) => location.id === id);
}

/** A booked appointment by code, only when it is for exactly this service, location and start. */
export async function findBookingAt(db: Database, code: string, at: { serviceId: string; locationId: string; start: Date }) {
  return db
    .selectFrom('appointment')
    .select(['code', 'email_normalized', 'date_of_birth'])
    .where('code', '=', code)
    .where('status', '=', 'booked')
    .where('personal_data_erased_at', 'is', null)
    .where('service_id', '=', at.serviceId)
    .where('location_id', '=', at.locationId)
    .where('starts_at', '=', at.start)
    .executeTakeFirst();
}
