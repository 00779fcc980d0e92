import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';

/**
 * The seam between the portal and the appointment engine (issue 3). The portal's pages only
 * call these operations; `onChange` runs inside the engine's transaction so the portal can
 * queue its e-mails and reminder exactly when the booking commits.
 */
export type FreeDay = { date: string; starts: Date[] };
export type Person = { name: string; dateOfBirth: string; email: string; phone: string | null; language: string };
export type BookedAppointment = { id: string; code: string; manageSecret: string };
export type AppointmentRow = {
  id: string;
  code: string;
  service_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  person_name: string;
  date_of_birth: string;
  email: string;
  language: string;
  manage_secret_hash: string;
};
export type OnChange = (trx: Transaction<DB>, appointment: AppointmentRow) => Promise<void>;

export type PortalEngine = {
  freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]>;
  book(input: { serviceId: string; locationId: string; start: Date; person: Person; releaseDelayMinutes: number; onChange: OnChange }): Promise<BookedAppointment>;
  cancel(input: { appointmentId: string; onChange: OnChange }): Promise<void>;
  reschedule(input: { appointmentId: string; start: Date; releaseDelayMinutes: number; onChange: OnChange }): Promise<void>;
};

const codeAlphabet = 'ACDEFGHJKLMNPQRTUVWXY34679';

export function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const appointmentColumns = [
  'id', 'code', 'service_id', 'location_id', 'starts_at', 'ends_at', 'status', 'person_name', 'date_of_birth', 'email', 'language', 'manage_secret_hash',
] as const;

/**
 * Interim engine on the office data model, used until the appointment engine's use cases
 * are merged. The database's exclusion constraints keep it from double-booking.
 */
export function createInterimEngine(deps: { db: Database; clock: Clock }): PortalEngine {
  const { db, clock } = deps;

  async function clerkStarts(serviceId: string, locationId: string, from: string, to: string, releaseDelayMinutes: number, ignoreAppointment?: string) {
    const service = await db.selectFrom('service').selectAll().where('id', '=', serviceId).where('active', '=', true).executeTakeFirst();
    const location = await db.selectFrom('location').selectAll().where('id', '=', locationId).where('active', '=', true).executeTakeFirst();
    const offered = await db.selectFrom('service_location').select('service_id').where('service_id', '=', serviceId).where('location_id', '=', locationId).executeTakeFirst();
    if (!service || !location || !offered || !service.online_bookable) throw new AppError('not_found', 'Unknown service or location.');
    const zone = location.time_zone;
    const now = clock.now();
    const nowZoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
    const today = nowZoned.toPlainDate();
    const lastDay = today.add({ days: service.max_days_ahead });
    const clerks = await db
      .selectFrom('staff')
      .innerJoin('staff_location', 'staff_location.staff_id', 'staff.id')
      .innerJoin('staff_specialty', 'staff_specialty.staff_id', 'staff.id')
      .innerJoin('service_specialty', 'service_specialty.specialty_id', 'staff_specialty.specialty_id')
      .select('staff.id')
      .distinct()
      .where('staff.active', '=', true)
      .where('staff_location.location_id', '=', locationId)
      .where('service_specialty.service_id', '=', serviceId)
      .execute();
    const clerkIds = clerks.map((c) => c.id);
    const result = new Map<number, Set<string>>();
    if (clerkIds.length === 0) return { result, service, zone };
    const hours = await db.selectFrom('working_hours').selectAll().where('staff_id', 'in', clerkIds).where('location_id', '=', locationId).execute();
    const overrides = await db.selectFrom('working_day_override').selectAll().where('staff_id', 'in', clerkIds).where('location_id', '=', locationId).where('day', '>=', from).where('day', '<=', to).execute();
    const rangeStart = Temporal.PlainDate.from(from).toZonedDateTime(zone).toInstant().epochMilliseconds;
    const rangeEnd = Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime(zone).toInstant().epochMilliseconds;
    const releaseCutoff = new Date(now.getTime() - releaseDelayMinutes * 60_000);
    let busyQuery = db
      .selectFrom('appointment')
      .select(['staff_id', 'starts_at', 'ends_at'])
      .where('staff_id', 'in', clerkIds)
      .where('starts_at', '<', new Date(rangeEnd))
      .where('ends_at', '>', new Date(rangeStart))
      // Cancelled times stay hidden from the public for the re-release delay, so a reseller
      // who cancels cannot hand a slot to a buyer waiting with a script.
      .where((eb) => eb.or([eb('status', '<>', 'cancelled'), eb('cancelled_at', '>', releaseCutoff)]));
    if (ignoreAppointment) busyQuery = busyQuery.where('id', '<>', ignoreAppointment);
    const busy = await busyQuery.execute();
    const absences = await db
      .selectFrom('absence')
      .select(['staff_id', 'during'])
      .where('staff_id', 'in', clerkIds)
      .execute();
    const absenceRanges = absences.map((a) => ({ staff_id: a.staff_id, ...parseRange(String(a.during)) }));
    const release = service.same_day_release ? Temporal.PlainTime.from(service.same_day_release) : undefined;
    for (let day = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(day, Temporal.PlainDate.from(to)) <= 0; day = day.add({ days: 1 })) {
      if (Temporal.PlainDate.compare(day, today) < 0 || Temporal.PlainDate.compare(day, lastDay) > 0) continue;
      if (release && day.equals(today) && Temporal.PlainTime.compare(nowZoned.toPlainTime(), release) < 0) continue;
      const dayText = day.toString();
      for (const clerk of clerkIds) {
        const dayOverrides = overrides.filter((o) => o.staff_id === clerk && o.day === dayText);
        const spans = dayOverrides.length > 0
          ? dayOverrides
          : hours.filter((h) => h.staff_id === clerk && h.weekday === day.dayOfWeek && (!h.valid_from || h.valid_from <= dayText) && (!h.valid_until || h.valid_until >= dayText));
        for (const span of spans) {
          const spanEnd = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(span.ends) }).epochMilliseconds;
          let local = day.toPlainDateTime(Temporal.PlainTime.from(span.starts));
          for (;;) {
            const startMs = local.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds;
            const endMs = startMs + service.duration_minutes * 60_000;
            if (endMs > spanEnd) break;
            const clash = (s: number, e: number) => s < endMs && e > startMs;
            const free =
              startMs >= now.getTime() + service.min_lead_minutes * 60_000 &&
              !busy.some((b) => b.staff_id === clerk && clash(new Date(b.starts_at).getTime(), new Date(b.ends_at).getTime())) &&
              !absenceRanges.some((a) => a.staff_id === clerk && clash(a.start, a.end));
            if (free) {
              const set = result.get(startMs) ?? new Set<string>();
              set.add(clerk);
              result.set(startMs, set);
            }
            local = local.add({ minutes: service.slot_minutes });
          }
        }
      }
    }
    return { result, service, zone };
  }

  async function holdSlot(insert: () => Promise<AppointmentRow>): Promise<AppointmentRow | 'clash'> {
    try {
      return await insert();
    } catch (error) {
      const code = (error as { code?: string; constraint?: string }).code;
      if (code === '23P01') return 'clash';
      if (code === '23505' && (error as { constraint?: string }).constraint === 'appointment_one_active_per_person_and_service') {
        throw new AppError('duplicate_booking', 'You already have an appointment for this service.');
      }
      throw error;
    }
  }

  return {
    async freeDays({ serviceId, locationId, from, to, releaseDelayMinutes }) {
      const { result, zone } = await clerkStarts(serviceId, locationId, from, to, releaseDelayMinutes);
      const byDay = new Map<string, Date[]>();
      for (const startMs of [...result.keys()].sort((a, b) => a - b)) {
        const date = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone).toPlainDate().toString();
        const list = byDay.get(date) ?? [];
        list.push(new Date(startMs));
        byDay.set(date, list);
      }
      return [...byDay.entries()].map(([date, starts]) => ({ date, starts }));
    },

    async book({ serviceId, locationId, start, person, releaseDelayMinutes, onChange }) {
      const { result, service } = await clerkStarts(serviceId, locationId, ...daysAround(start), releaseDelayMinutes);
      const clerks = [...(result.get(start.getTime()) ?? [])];
      if (clerks.length === 0) throw new AppError('slot_taken', 'This time is no longer free.');
      const manageSecret = randomBytes(24).toString('base64url');
      for (const clerk of clerks) {
        for (let codeAttempt = 0; codeAttempt < 3; codeAttempt++) {
          const code = newCode();
          const outcome = await db.transaction().execute(async (trx) => {
            const row = await holdSlot(() =>
              trx
                .insertInto('appointment')
                .values({
                  code,
                  manage_secret_hash: hashSecret(manageSecret),
                  service_id: serviceId,
                  location_id: locationId,
                  staff_id: clerk,
                  starts_at: start,
                  ends_at: new Date(start.getTime() + service.duration_minutes * 60_000),
                  person_name: person.name,
                  date_of_birth: person.dateOfBirth,
                  email: person.email,
                  email_normalized: person.email.trim().toLowerCase(),
                  phone: person.phone,
                  language: person.language,
                  created_by: 'online',
                })
                .returning(appointmentColumns)
                .executeTakeFirstOrThrow() as Promise<AppointmentRow>,
            ).catch((error) => {
              if ((error as { code?: string; constraint?: string }).constraint === 'appointment_code_key') return 'code' as const;
              throw error;
            });
            if (row === 'clash' || row === 'code') return row;
            await onChange(trx, row);
            return row;
          });
          if (outcome === 'code') continue;
          if (outcome === 'clash') break;
          return { id: outcome.id, code: outcome.code, manageSecret };
        }
      }
      throw new AppError('slot_taken', 'This time was booked meanwhile.');
    },

    async cancel({ appointmentId, onChange }) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('appointment')
          .set({ status: 'cancelled', cancelled_at: clock.now(), updated_at: clock.now() })
          .where('id', '=', appointmentId)
          .where('status', '=', 'booked')
          .returning(appointmentColumns)
          .executeTakeFirst();
        if (!row) throw new AppError('gone', 'This appointment can no longer be cancelled.');
        await onChange(trx, row as AppointmentRow);
      });
    },

    async reschedule({ appointmentId, start, releaseDelayMinutes, onChange }) {
      const current = await db.selectFrom('appointment').selectAll().where('id', '=', appointmentId).executeTakeFirst();
      if (!current || current.status !== 'booked') throw new AppError('gone', 'This appointment can no longer be changed.');
      const { result, service } = await clerkStarts(current.service_id, current.location_id, ...daysAround(start), releaseDelayMinutes, appointmentId);
      const clerks = [...(result.get(start.getTime()) ?? [])];
      if (clerks.length === 0) throw new AppError('slot_taken', 'This time is no longer free.');
      for (const clerk of clerks) {
        // One UPDATE moves the appointment: the new time is held and the old released at once,
        // and a clash leaves the old appointment untouched.
        const outcome = await db.transaction().execute(async (trx) => {
          const row = await holdSlot(() =>
            trx
              .updateTable('appointment')
              .set({ staff_id: clerk, starts_at: start, ends_at: new Date(start.getTime() + service.duration_minutes * 60_000), updated_at: clock.now() })
              .where('id', '=', appointmentId)
              .where('status', '=', 'booked')
              .returning(appointmentColumns)
              .executeTakeFirstOrThrow() as Promise<AppointmentRow>,
          );
          if (row === 'clash') return row;
          await onChange(trx, row);
          return row;
        });
        if (outcome !== 'clash') return;
      }
      throw new AppError('slot_taken', 'This time was booked meanwhile.');
    },
  };
}

// The UTC days around an instant cover its local day in any zone; the location's zone then decides the slots.
function daysAround(instant: Date): [string, string] {
  const day = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('UTC').toPlainDate();
  return [day.subtract({ days: 1 }).toString(), day.add({ days: 1 }).toString()];
}

function parseRange(text: string): { start: number; end: number } {
  const match = /^[[(]"?([^",]*)"?,"?([^")]*)"?[\])]$/.exec(text);
  const start = match?.[1] ? Date.parse(match[1].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : Number.NEGATIVE_INFINITY;
  const end = match?.[2] ? Date.parse(match[2].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : Number.POSITIVE_INFINITY;
  return { start, end };
}
