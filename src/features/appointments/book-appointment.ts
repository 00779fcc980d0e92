import { randomInt } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Actor } from './appointment-actor.ts';
import { hashIdempotencyKey, hashManageSecret, newAppointmentCode, newManageSecret, sealManageSecret, unsealManageSecret } from './appointment-code.ts';
import {
  attempt,
  findActiveAppointmentOfPerson,
  findAppointmentByIdempotencyKey,
  insertAppointment,
  violatedConstraint,
  type AppointmentRow,
  type OfferedService,
} from './appointment-store.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { checkSlot, formatInZone, type SlotCheck } from './availability.ts';
import { loadSlotContext } from './slot-context-store.ts';
import { invalid, parseDate, requireOfferedService } from './get-availability.ts';

export type Person = { name: string; dateOfBirth: string; email: string; phone?: string | null | undefined; language: string };

export type BookingRequest = {
  serviceId: string;
  locationId: string;
  /** ISO 8601 instant with offset, e.g. 2026-12-01T09:30:00+01:00. */
  start: string;
  person: Person;
  actor: Actor;
  /** Staff only: place the appointment with this clerk (e.g. into the clerk's own hours). */
  staffId?: string | undefined;
  idempotencyKey?: string | undefined;
};

export type BookingResult = { appointment: AppointmentView; manageSecret: string; replayed: boolean };

/**
 * Books a slot. The exclusion constraints decide: each attempt is a single INSERT for one clerk
 * (and one resource); a clerk or resource taken meanwhile makes the next one be tried, never a
 * second appointment. Nothing is read to decide whether the insert is allowed.
 */
export async function bookAppointment(deps: { db: Database; clock: Clock }, request: BookingRequest): Promise<BookingResult> {
  const { db, clock } = deps;
  const keyHash = request.idempotencyKey ? hashIdempotencyKey(request.idempotencyKey) : null;
  if (keyHash) {
    const earlier = await findAppointmentByIdempotencyKey(db, keyHash);
    if (earlier) return replay(earlier, request);
  }
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

async function bookOnce(deps: { db: Database; clock: Clock }, request: BookingRequest, keyHash: string | null): Promise<BookingResult> {
  const { db, clock } = deps;
  const person = normalizePerson(request.person, clock.now());
  if (request.staffId !== undefined && request.actor.channel !== 'staff') throw invalid('staffId', 'Only staff can choose the clerk.');
  const start = parseStart(request.start);
  const { offered, slot } = await findSlot(db, { ...request, start, now: clock.now().getTime() });

  const manageSecret = newManageSecret();
  const base = {
    manage_secret_hash: hashManageSecret(manageSecret),
    manage_secret_sealed: request.idempotencyKey ? sealManageSecret(manageSecret, request.idempotencyKey) : null,
    service_id: offered.serviceId,
    location_id: offered.locationId,
    starts_at: new Date(start),
    ends_at: new Date(slot.end),
    person_name: person.name,
    date_of_birth: person.dateOfBirth,
    email: person.email,
    email_normalized: person.emailNormalized,
    phone: person.phone,
    language: person.language,
    created_by: request.actor.channel,
    created_by_staff_id: request.actor.channel === 'staff' ? request.actor.staffId : null,
    idempotency_key: keyHash,
  } as const;

  const taken = new Set<string>();
  for (const staffId of shuffled(slot.clerkIds)) {
    const resources = offered.requiredResourceKind ? shuffled(slot.resourceIds).filter((id) => !taken.has(id)) : [null];
    for (const resourceId of resources) {
      try {
        const row = await insertWithFreshCode(db, { ...base, staff_id: staffId, resource_id: resourceId });
        return { appointment: toAppointmentView(row, offered.timeZone), manageSecret, replayed: false };
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated?.constraint === 'appointment_idempotency_key_key') throw slotTaken(); // answered by the replay above
        if (violated?.constraint === 'appointment_no_clerk_overlap') break;
        if (violated?.constraint === 'appointment_no_resource_overlap' && resourceId) {
          taken.add(resourceId);
          continue;
        }
        if (violated?.constraint === 'appointment_one_active_per_person_and_service') throw await duplicateBooking(db, offered, person);
        throw error;
      }
    }
  }
  throw slotTaken();
}

async function insertWithFreshCode(db: Database, row: Omit<Parameters<typeof insertAppointment>[1], 'code'>): Promise<AppointmentRow> {
  for (let i = 0; ; i++) {
    try {
      return await attempt(db, () => insertAppointment(db, { ...row, code: newAppointmentCode() }));
    } catch (error) {
      if (i < 5 && violatedConstraint(error)?.constraint === 'appointment_code_key') continue;
      throw error;
    }
  }
}

export type FreeSlot = Extract<SlotCheck, { kind: 'free' }>;

/**
 * Checks a requested start against the service's rules and the bookings around it, in one query;
 * 422 for a start that can never be booked, 409 for one taken.
 */
export async function findSlot(
  db: Database,
  request: { serviceId: string; locationId: string; start: number; now: number; actor: Actor; staffId?: string | undefined; exceptAppointmentId?: string | undefined },
): Promise<{ offered: OfferedService; slot: FreeSlot }> {
  const { start, now, actor } = request;
  const context = await loadSlotContext(db, { ...request, start: new Date(start) });
  // Unknown or not offered: let requireOfferedService name the field that is wrong.
  if (!context) throw (await requireOfferedService(db, request.serviceId, request.locationId, actor).then(() => slotTaken()));
  const { offered, clerks, resources } = context;
  if (actor.channel === 'online' && !offered.onlineBookable) {
    throw invalid('serviceId', 'This service cannot be booked online; the office arranges these appointments.');
  }
  if (start < now) throw invalid('start', 'This time is in the past.');
  const check = checkSlot({ timeZone: offered.timeZone, rules: offered.rules, now, channel: actor.channel, clerks, resources }, start);
  switch (check.kind) {
    case 'free':
      return { offered, slot: check };
    case 'off_grid':
      throw invalid('start', `This time is not on the appointment grid: starts are every ${offered.rules.slotMinutes} minutes.`);
    case 'outside_window': {
      const w = check.window;
      if (check.date === w.today && w.todayHeld) throw invalid('start', `Today's appointments are released at ${offered.rules.sameDayRelease?.slice(0, 5)}.`);
      if (start < w.earliest) throw invalid('start', `Appointments must be booked at least ${offered.rules.minLeadMinutes} minutes ahead.`);
      throw invalid('start', `Appointments can be booked up to ${w.lastDate}.`);
    }
    case 'taken':
      throw slotTaken();
  }
}

export function slotTaken(): AppError {
  return new AppError('slot_taken', 'This time is no longer free. Please choose another time.');
}

export function parseStart(value: string): number {
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    throw invalid('start', '`start` must be a date and time with offset, e.g. 2026-12-01T09:30:00+01:00.');
  }
}

type NormalizedPerson = { name: string; dateOfBirth: string; email: string; emailNormalized: string; phone: string | null; language: string };

export function normalizePerson(person: Person, now: Date): NormalizedPerson {
  const name = person.name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const email = person.email.normalize('NFC').trim();
  if (!name) throw invalid('person.name', 'Please give a name.');
  const born = parseDate(person.dateOfBirth, 'person.dateOfBirth').toString();
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

async function duplicateBooking(db: Database, offered: OfferedService, person: NormalizedPerson): Promise<AppError> {
  const existing = await findActiveAppointmentOfPerson(db, { serviceId: offered.serviceId, ...person });
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
  const secret = sameRequest && earlier.manage_secret_sealed && request.idempotencyKey ? unsealManageSecret(earlier.manage_secret_sealed, request.idempotencyKey) : null;
  if (!secret) throw new AppError('conflict', 'This Idempotency-Key was already used for a different booking. Use a new key for a new booking.');
  return { appointment: toAppointmentView(earlier, earlier.time_zone), manageSecret: secret, replayed: true };
}

function safeInstant(value: string): number | undefined {
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    return undefined;
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...new Set(items)];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
