import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { bookings } from '../../platform/metrics/metrics.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import type { Requester } from './requester.ts';
import { hashIdempotencyKey, hashManageSecret, newAppointmentCode, newManageSecret, sealManageSecret, unsealManageSecret } from './appointment-code.ts';
import {
  attempt,
  findActiveAppointmentOfPerson,
  findAppointmentByIdempotencyKey,
  isLostRace,
  violatedConstraint,
  type AppointmentRow,
  type OfferedService,
} from './appointment-store.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { formatInZone } from './availability.ts';
import type { EngineDeps } from './engine-deps.ts';
import { slotTaken, withCurrentSchedule } from './find-slot.ts';
import { calendarDate, invalid } from './get-availability.ts';
import { isAcceptablePersonName, normalizePersonName } from './person-name.ts';
import { bookFreeCandidate, type SlotProbe } from './slot-store.ts';

export type Person = { name: string; dateOfBirth: string; email: string; phone?: string | null | undefined; language: string };

export type BookingRequest = {
  serviceId: string;
  locationId: string;
  /** ISO 8601 instant with offset, e.g. 2026-12-01T09:30:00+01:00. */
  start: string;
  person: Person;
  actor: Requester;
  /** Staff only: place the appointment with this clerk (e.g. into the clerk's own hours). */
  staffId?: string | undefined;
  idempotencyKey?: string | undefined;
  /** Record a notice for the confirmation in the booking's own statement (appointment-notices.ts). */
  notify?: boolean | undefined;
};

export type BookingResult = { appointment: AppointmentView; manageSecret: string; replayed: boolean };

/**
 * Books a slot. The exclusion constraints decide: each attempt is a single INSERT for one clerk
 * (and one resource) chosen among those without an overlapping booking; a clerk or resource taken
 * meanwhile makes the next round choose another, never a second appointment.
 */
export async function bookAppointment(deps: EngineDeps, request: BookingRequest): Promise<BookingResult> {
  try {
    const result = await bookOrReplay(deps, request);
    bookings.inc({ channel: request.actor.channel, outcome: result.replayed ? 'replayed' : 'booked' });
    return result;
  } catch (error) {
    bookings.inc({ channel: request.actor.channel, outcome: isAppError(error) ? error.code : 'error' });
    throw error;
  }
}

async function bookOrReplay(deps: EngineDeps, request: BookingRequest): Promise<BookingResult> {
  const { db } = deps;
  const keyHash = request.idempotencyKey ? hashIdempotencyKey(request.idempotencyKey) : null;
  const earlier = await replayBooking(deps, request);
  if (earlier) return earlier;
  try {
    return await bookOnce(deps, request, keyHash);
  } catch (error) {
    // A concurrent request with the same Idempotency-Key may have won: answer with its booking.
    if (keyHash && isAppError(error) && (error.code === 'slot_taken' || error.code === 'duplicate_booking')) {
      const earlier = await findAppointmentByIdempotencyKey(db, keyHash);
      if (earlier) return replay(earlier, request);
    }
    throw error;
  }
}

/** The booking made earlier with this request's Idempotency-Key, if any (a different request with it is a conflict). */
export async function replayBooking(deps: Pick<EngineDeps, 'db'>, request: BookingRequest): Promise<BookingResult | undefined> {
  if (!request.idempotencyKey) return undefined;
  const earlier = await findAppointmentByIdempotencyKey(deps.db, hashIdempotencyKey(request.idempotencyKey));
  return earlier ? replay(earlier, request) : undefined;
}

async function bookOnce(deps: EngineDeps, request: BookingRequest, keyHash: string | null): Promise<BookingResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const person = normalizePerson(request.person, now);
  if (request.staffId !== undefined && request.actor.channel !== 'staff') throw invalid('staffId', 'Only staff can choose the clerk.');
  const start = parseBookingStart(request.start);
  const manageSecret = newManageSecret();
  return withCurrentSchedule<BookingResult>(deps, { ...request, start }, async ({ offered, probe }) => {
    const appointment = {
      manage_secret_hash: hashManageSecret(manageSecret),
      manage_secret_sealed: request.idempotencyKey ? sealManageSecret(manageSecret, request.idempotencyKey) : null,
      service_id: offered.serviceId,
      ...personColumns(person),
      created_by: request.actor.channel,
      created_by_staff_id: request.actor.channel === 'staff' ? request.actor.staffId : null,
      idempotency_key: keyHash,
    } as const;
    try {
      const result = await bookInRounds(db, probe, appointment, request.notify ?? false, now);
      if (result.version !== probe.version) return { stale: result.version };
      if (!result.row) throw slotTaken();
      return { done: { appointment: toAppointmentView(result.row, offered.timeZone), manageSecret, replayed: false } };
    } catch (error) {
      const violated = violatedConstraint(error)?.constraint;
      if (violated === 'appointment_idempotency_key_key') throw slotTaken(); // answered by the replay in bookAppointment
      if (violated === 'appointment_one_active_per_person_and_service') throw await duplicateBooking(db, offered, person, request, now);
      throw error;
    }
  });
}

/**
 * Books the probe's start for the appointment, each round one statement (bookFreeCandidate); a
 * round fails only when a concurrent booking took the chosen clerk or resource first (then that
 * one is busy for the next round) or the code was in use. `row` is null when no candidate is free;
 * any other error is thrown.
 */
export async function bookInRounds(
  db: Database,
  probe: SlotProbe,
  appointment: Omit<Parameters<typeof bookFreeCandidate>[2], 'code'>,
  notify: boolean,
  now: Date,
): Promise<{ version: string; row: AppointmentRow | null }> {
  for (let round = 0; round < 8; round++) {
    try {
      return await attempt(db, () => bookFreeCandidate(db, probe, { ...appointment, code: newAppointmentCode() }, notify, now));
    } catch (error) {
      if (isLostRace(error)) continue;
      throw error;
    }
  }
  return { version: probe.version, row: null };
}

/** The person's columns of an appointment row. */
export function personColumns(person: NormalizedPerson) {
  return {
    person_name: person.name,
    date_of_birth: person.dateOfBirth,
    email: person.email,
    email_normalized: person.emailNormalized,
    phone: person.phone,
    language: person.language,
  };
}

export function parseBookingStart(value: string): number {
  const instant = safeInstant(value);
  if (instant === undefined) throw invalid('start', '`start` must be a date and time with offset, e.g. 2026-12-01T09:30:00+01:00.');
  // Temporal reads years up to ±275760, where the office's calendar arithmetic overflows.
  if (instant < earliestStart || instant >= latestStart) throw invalid('start', '`start` must lie between the years 1000 and 9999.');
  return instant;
}

const earliestStart = Date.UTC(1000, 0, 1);
const latestStart = Date.UTC(10_000, 0, 1);

// The form every client sends (2026-12-01T09:30:00+01:00, seconds and fraction optional, or Z).
const plainInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

type NormalizedPerson = { name: string; dateOfBirth: string; email: string; emailNormalized: string; phone: string | null; language: string };

export function normalizePerson(person: Person, now: Date): NormalizedPerson {
  const name = normalizePersonName(person.name);
  const email = person.email.normalize('NFC').trim();
  if (!name) throw invalid('person.name', 'Please give a name.');
  if (!isAcceptablePersonName(name)) throw invalid('person.name', 'A name needs a letter and may not contain control or formatting characters.');
  const born = calendarDate(person.dateOfBirth, 'person.dateOfBirth');
  if (born < '1900-01-01' || born > now.toISOString().slice(0, 10)) throw invalid('person.dateOfBirth', 'The date of birth is not plausible.');
  return {
    name,
    dateOfBirth: person.dateOfBirth,
    email,
    emailNormalized: email.toLowerCase(),
    phone: person.phone?.trim() || null,
    language: person.language,
  };
}

async function duplicateBooking(db: Database, offered: OfferedService, person: NormalizedPerson, request: BookingRequest, now: Date): Promise<AppError> {
  const existing = await findActiveAppointmentOfPerson(db, { serviceId: offered.serviceId, ...person });
  if (request.actor.channel !== 'staff') {
    // E-mail and date of birth are no secret: whoever sent them learns only that an appointment
    // exists; its date, time and place go to the person's own address (notice 'existing').
    if (existing && request.notify)
      await db.insertInto('appointment_notice').values({ appointment_id: existing.id, kind: 'existing', by_channel: 'online', created_at: now }).execute();
    return new AppError(
      'duplicate_booking',
      'This person already has an appointment for this service. Its details were sent to the e-mail address it was booked with; change or cancel it from there.',
    );
  }
  const when = existing ? formatInZone(existing.starts_at.getTime(), offered.timeZone) : undefined;
  return new AppError(
    'duplicate_booking',
    when
      ? `You already have an appointment for this service on ${when.slice(0, 10)} at ${when.slice(11, 16)}. Cancel or move that one instead of booking a second.`
      : 'You already have an appointment for this service.',
    { details: { existingAppointment: existing ? { startsAt: when, locationId: existing.location_id } : null } },
  );
}

function replay(earlier: AppointmentRow & { time_zone: string }, request: BookingRequest): BookingResult {
  const sameRequest =
    earlier.service_id === request.serviceId &&
    earlier.location_id === request.locationId &&
    earlier.email_normalized === request.person.email.normalize('NFC').trim().toLowerCase() &&
    earlier.date_of_birth === request.person.dateOfBirth &&
    safeInstant(request.start) === earlier.starts_at.getTime();
  const secret =
    sameRequest && earlier.manage_secret_sealed && request.idempotencyKey ? unsealManageSecret(earlier.manage_secret_sealed, request.idempotencyKey) : null;
  if (!secret) throw new AppError('conflict', 'This Idempotency-Key was already used for a different booking. Use a new key for a new booking.');
  return { appointment: toAppointmentView(earlier, earlier.time_zone), manageSecret: secret, replayed: true };
}

/**
 * Epoch milliseconds of an instant with offset, or undefined. The common form is read directly
 * (building a Temporal.Instant showed in a booking's profile); anything else, and any value out
 * of range (a leap second, 30 February), is left to Temporal, whose answer is the rule.
 */
export function safeInstant(value: string): number | undefined {
  const m = plainInstant.exec(value);
  if (m) {
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const offsetHours = Number(m[10] ?? 0);
    const offsetMinutes = Number(m[11] ?? 0);
    const local = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(local);
    if (
      year >= 1000 &&
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day &&
      check.getUTCHours() === hour &&
      check.getUTCMinutes() === minute &&
      check.getUTCSeconds() === second &&
      offsetHours <= 23 &&
      offsetMinutes <= 59
    ) {
      const fraction = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
      const offset = (m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)) * 60_000;
      return local + fraction - offset;
    }
  }
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    return undefined;
  }
}
