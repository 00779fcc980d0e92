import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { seedDemoFees } from './demo-fees.ts';
import { seedDemoInfoPages } from './demo-info-pages.ts';
import { seedDemoCaseFiles } from './demo-case-files.ts';
import { seedDemoForms } from './demo-forms.ts';
import type { Database } from '../db/database.ts';
import { bookAppointment, getAvailability, type Requester } from '../features/appointments/index.ts';
import type { Logger } from '../platform/log.ts';
import { isAppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';
import { demoClerks, demoLocations, demoPeople, demoSpecialties } from './demo-office.ts';
import { demoServices } from './demo-services.ts';
import { serviceColumns, sourceDigest } from '../features/office/index.ts';

// Any constant: all instances agree on it, so two starting together seed once.
const seedLockKey = 4_711_2026;

/**
 * Loads the demo office into an empty database: two locations, specialties, services with texts in
 * every portal language, information pages, twelve clerks with their hours and absences, and some appointments in the
 * coming days. Does nothing when any location exists. Runs in one transaction under an advisory
 * lock, so a second instance starting at the same moment waits and then finds the office there.
 */
export async function seedDemoOffice(deps: { db: Database; clock: Clock; logger: Logger }): Promise<boolean> {
  const seeded = await deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${seedLockKey})`.execute(trx);
    const existing = await trx.selectFrom('location').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await seedInto(trx, deps.clock);
    return true;
  });
  if (seeded) deps.logger.info('demo office loaded');
  return seeded;
}

async function seedInto(db: Database, clock: Clock): Promise<void> {
  const locationIds = new Map<string, string>();
  for (const l of demoLocations) {
    const { id } = await db
      .insertInto('location')
      .values({ slug: l.slug, name: l.name, address: l.address, time_zone: 'Europe/Berlin', federal_state: l.federalState })
      .returning('id')
      .executeTakeFirstOrThrow();
    locationIds.set(l.slug, id);
    await db
      .insertInto('location_opening_hours')
      .values(l.openingHours.map((h) => ({ location_id: id, ...h })))
      .execute();
    await db
      .insertInto('counter')
      .values(l.counters.map((name) => ({ location_id: id, name })))
      .execute();
    await db
      .insertInto('resource')
      .values(l.resources.map((r) => ({ location_id: id, kind: r.kind, name: r.name })))
      .execute();
  }
  const at = (slug: string) => locationIds.get(slug)!;

  const specialtyIds = new Map<string, string>();
  for (const [index, s] of demoSpecialties.entries()) {
    const { id } = await db
      .insertInto('specialty')
      .values({ slug: s.slug, name: s.name, queue_prefix: s.queuePrefix, routing_rule: s.routingRule, sort_order: index })
      .returning('id')
      .executeTakeFirstOrThrow();
    specialtyIds.set(s.slug, id);
  }

  const serviceIds = new Map<string, string>();
  for (const [index, s] of demoServices.entries()) {
    const { id } = await db
      .insertInto('service')
      .values({ ...serviceColumns({ ...s, fee: s.feeCents, active: true }), sort_order: index })
      .returning('id')
      .executeTakeFirstOrThrow();
    serviceIds.set(s.slug, id);
    // Every demo translation is made from the current German text (see translationState).
    const german = s.texts.de;
    const digest = german
      ? sourceDigest({
          name: german.name,
          description: german.description,
          audience: german.audience,
          required_documents: german.requiredDocuments,
          fee_note: german.feeNote,
        })
      : null;
    await db
      .insertInto('service_text')
      .values(
        Object.entries(s.texts).map(([lang, t]) => ({
          service_id: id,
          lang,
          name: t.name,
          description: t.description,
          audience: t.audience,
          required_documents: t.requiredDocuments,
          fee_note: t.feeNote,
          source_digest: digest,
        })),
      )
      .execute();
    await db
      .insertInto('service_specialty')
      .values(s.specialties.map((slug) => ({ service_id: id, specialty_id: specialtyIds.get(slug)! })))
      .execute();
    await db
      .insertInto('service_location')
      .values(s.locations.map((slug) => ({ service_id: id, location_id: at(slug) })))
      .execute();
  }
  await seedDemoFees(db, clock.now(), serviceIds);
  // Invitations before a title expires (docs/invitations.md): which service extends which kind of title.
  await db
    .insertInto('invitation_service')
    .values([
      { title_kind: 'residence_permit', service_id: serviceIds.get('aufenthaltstitel-verlaengerung')! },
      { title_kind: 'eu_blue_card', service_id: serviceIds.get('aufenthaltstitel-verlaengerung')! },
      { title_kind: 'temporary_protection', service_id: serviceIds.get('voruebergehender-schutz-24')! },
    ])
    .execute();
  await seedDemoInfoPages(db, clock.now(), serviceIds);
  await seedDemoCaseFiles(db, clock.now(), [...locationIds.values()]);
  // The service a clerk books for an applicant of each standard procedure type (the inbox's "book an appointment").
  for (const [typeCode, serviceSlug] of [
    ['extension', 'aufenthaltstitel-verlaengerung'],
    ['temporary-protection', 'voruebergehender-schutz-24'],
    ['settlement', 'niederlassungserlaubnis'],
    ['formal-obligation', 'verpflichtungserklaerung'],
    ['eat-transfer', 'eat-uebertrag'],
    ['address-change', 'eat-uebertrag'],
  ] as const) {
    await db
      .updateTable('procedure_type')
      .set({ service_id: serviceIds.get(serviceSlug)! })
      .where('code', '=', typeCode)
      .execute();
  }
  // The forms after the catalogue: each opens a procedure of a standard type.
  await seedDemoForms(db, clock, [...locationIds.values()][0]!);

  const today = Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO('Europe/Berlin').toPlainDate();
  const nextMonday = today.add({ days: 8 - today.dayOfWeek });
  // The coming Christmas Eve: this year's, or next year's once it has passed.
  const thisEve = Temporal.PlainDate.from({ year: today.year, month: 12, day: 24 });
  const christmasEve = Temporal.PlainDate.compare(thisEve, today) >= 0 ? thisEve : thisEve.add({ years: 1 });
  for (const l of demoLocations) {
    await db
      .insertInto('location_closure')
      .values(
        l.closures.map((c) => ({
          location_id: at(l.slug),
          day: (c.on === 'christmas-eve' ? christmasEve : nextMonday.add({ days: c.on.dayOfNextWeek - 1 })).toString(),
          starts: c.starts,
          ends: c.ends,
          reason: c.reason,
          created_at: clock.now(),
        })),
      )
      .execute();
  }
  const clerkIds = new Map<string, string>();
  for (const c of demoClerks) {
    const { id } = await db.insertInto('staff').values({ display_name: c.name }).returning('id').executeTakeFirstOrThrow();
    clerkIds.set(c.name, id);
    await db
      .insertInto('staff_location')
      .values({ staff_id: id, location_id: at(c.location) })
      .execute();
    await db
      .insertInto('staff_specialty')
      .values(c.specialties.map((slug) => ({ staff_id: id, specialty_id: specialtyIds.get(slug)! })))
      .execute();
    await db
      .insertInto('working_hours')
      .values(c.hours.map((h) => ({ staff_id: id, location_id: at(c.location), weekday: h.weekday, starts: h.starts, ends: h.ends })))
      .execute();
    for (const o of c.overrides ?? []) {
      const day = nextMonday.add({ days: o.dayOfNextWeek - 1 }).toString();
      await db
        .insertInto('working_day_override')
        .values({ staff_id: id, location_id: at(c.location), day, starts: o.starts, ends: o.ends })
        .execute();
    }
    for (const a of c.absences ?? []) {
      const from = nextMonday.add({ days: a.fromDayOfNextWeek - 1 }).toZonedDateTime({ timeZone: 'Europe/Berlin', plainTime: a.fromTime });
      const to = nextMonday.add({ days: a.toDayOfNextWeek - 1 }).toZonedDateTime({ timeZone: 'Europe/Berlin', plainTime: a.toTime });
      await db
        .insertInto('absence')
        .values({
          staff_id: id,
          reason: a.reason,
          note: a.note,
          during: sql<string>`tstzrange(${new Date(from.epochMilliseconds)}::timestamptz, ${new Date(to.epochMilliseconds)}::timestamptz)`,
        })
        .execute();
    }
  }

  // Some appointments already booked in the coming days, spread over services and locations.
  const receptionist = clerkIds.get(demoClerks[0]!.name)!;
  const plan = [
    ['aufenthaltstitel-verlaengerung', 'wetzlar', 5],
    ['eat-uebertrag', 'wetzlar', 4],
    ['voruebergehender-schutz-24', 'wetzlar', 4],
    ['biometrie-erfassung', 'wetzlar', 3],
    ['niederlassungserlaubnis', 'wetzlar', 2],
    ['verpflichtungserklaerung', 'dillenburg', 2],
    ['aufenthaltstitel-verlaengerung', 'dillenburg', 3],
    ['eat-abholung', 'dillenburg', 2],
  ] as const;
  let personIndex = 0;
  for (const [slug, location, count] of plan) {
    const serviceId = serviceIds.get(slug)!;
    const actor: Requester = personIndex % 3 === 0 ? { channel: 'staff', staffId: receptionist } : { channel: 'online' };
    const availability = await getAvailability(
      { db, clock },
      { serviceId, locationId: at(location), from: today.add({ days: 1 }).toString(), to: today.add({ days: 10 }).toString(), actor },
    );
    const starts = availability.days.flatMap((d) => d.starts);
    for (let i = 0; i < count && starts.length > 0; i++) {
      const start = starts[Math.floor(((i + 0.5) * starts.length) / count)]!;
      const who = demoPeople[personIndex++ % demoPeople.length]!;
      try {
        await bookAppointment({ db, clock }, { serviceId, locationId: at(location), start, person: who, actor });
      } catch (error) {
        // A demo person may already hold this service, or two picks may share a clerk: skip that one.
        if (!isAppError(error)) throw error;
      }
    }
  }
}
