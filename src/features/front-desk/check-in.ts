import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/app-error.ts';
import { appointmentCodeOf, checkInAppointment, lockAppointmentForCheckIn } from '../appointments/index.ts';
import { permitFrontDeskAction, type DeviceActor, type StaffActor } from './actors.ts';
import { checkInWindow } from './check-in-window.ts';
import { announceQueueChange } from './display-events.ts';
import { findLocationById, isUniqueViolation, loadSettings, lockKey, nextTicketNumber, queueCandidates, type Db, type Trx } from './front-desk-store.ts';
import { refuseWhenClosed } from './office-closed.ts';
import { localTime, officeDay } from '../../shared/office-day.ts';
import { chooseQueue, surnameOf, type RoutingFacts } from './routing.ts';

export type IssuedTicket = {
  id: string;
  displayNumber: string;
  language: string;
  serviceId: string;
  kind: 'appointment' | 'walk_in';
  /** True when this answer repeats a ticket issued earlier for the same idempotency key. */
  repeated: boolean;
};

type Deps = { db: Db; clock: Clock };

/** Appointment codes are typed or scanned; spaces, dashes and case do not matter. */
export function normalizeCode(raw: string): string | null {
  // A scanner reading the QR code of a confirmation may type a link ending in the code.
  const lastPart =
    raw.length > 300
      ? raw
      : (raw
          .trim()
          .split(/[/=?#]/)
          .filter(Boolean)
          .pop() ?? '');
  const code = lastPart.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{6,12}$/.test(code) ? code : null;
}

/**
 * Checks a visitor in with the appointment code: the appointment must be at this location,
 * today, booked, and inside the check-in window. Gives exactly one ticket per appointment;
 * a retry with the same idempotency key gets the same ticket back.
 */
export async function checkInWithCode(
  deps: Deps,
  actor: StaffActor | DeviceActor,
  input: { locationId: string; code: string; idempotencyKey?: string | undefined; language?: string | undefined; routing?: RoutingFacts },
): Promise<IssuedTicket> {
  permitFrontDeskAction(actor, 'check_in', input.locationId);
  const code = normalizeCode(input.code);
  if (!code) throw new AppError('not_found', 'No appointment has this code.', { details: { reason: 'unknown_code' } });
  const location = await findLocationById(deps.db, input.locationId);
  const settings = await loadSettings(deps.db, location.id);
  const now = deps.clock.now();
  const today = officeDay(now, location.time_zone);

  return deps.db.transaction().execute(async (trx) => {
    const earlier = await repeatOf(trx, location.id, input.idempotencyKey);
    if (earlier) {
      if (earlier.kind !== 'appointment' || earlier.appointmentCode !== code) throw keyReused();
      return earlier.ticket;
    }
    const appointment = await lockAppointmentForCheckIn(trx, code);
    // An appointment whose personal data was erased (long over) answers like an unknown code.
    if (!appointment || appointment.person_name === null)
      throw new AppError('not_found', 'No appointment has this code.', { details: { reason: 'unknown_code' } });
    if (appointment.location_id !== location.id) {
      const other = await findLocationById(deps.db, appointment.location_id);
      throw new AppError('conflict', `This appointment is at another location: ${other.name}.`, {
        details: { reason: 'other_location', location: other.name },
      });
    }
    if (appointment.status === 'cancelled') {
      throw new AppError('conflict', 'This appointment was cancelled.', { details: { reason: 'cancelled' } });
    }
    if (appointment.status === 'checked_in' || appointment.status === 'completed') {
      const ticket = await trx.selectFrom('ticket').select('display_number').where('appointment_id', '=', appointment.id).executeTakeFirst();
      throw new AppError('conflict', `This appointment is already checked in${ticket ? ` (ticket ${ticket.display_number})` : ''}.`, {
        details: { reason: 'already_checked_in', ticket: ticket?.display_number ?? null },
      });
    }
    // An invited person who comes without having confirmed is welcome all the same.
    if (appointment.status !== 'booked' && appointment.status !== 'reserved') {
      throw new AppError('conflict', 'This appointment can no longer be checked in.', { details: { reason: 'not_bookable' } });
    }
    const appointmentDay = officeDay(appointment.starts_at, location.time_zone);
    if (appointmentDay !== today) {
      throw new AppError('conflict', `This appointment is on ${appointmentDay}, not today.`, { details: { reason: 'other_day', day: appointmentDay } });
    }
    // Reception sees the person and may check in outside the window; the kiosk may not.
    const window = actor.kind === 'device' ? checkInWindow(appointment.starts_at, now, settings) : ({ ok: true } as const);
    if (!window.ok) {
      const message =
        window.reason === 'too_early'
          ? `Check-in opens at ${localTime(window.opensAt, location.time_zone)}.`
          : 'The check-in time for this appointment has passed.';
      throw new AppError('conflict', message, {
        details: {
          reason: window.reason,
          opensAt: localTime(window.opensAt, location.time_zone),
          startsAt: localTime(appointment.starts_at, location.time_zone),
        },
      });
    }
    // The language chosen at the kiosk wins; otherwise the one the appointment was booked in.
    const language = input.language ?? appointment.language;
    const ticket = await issueTicket(trx, {
      locationId: location.id,
      day: today,
      serviceId: appointment.service_id,
      appointmentId: appointment.id,
      queuedAt: appointment.starts_at,
      language,
      routing: { surname: input.routing?.surname ?? surnameOf(appointment.person_name), nationality: input.routing?.nationality ?? null },
      actor,
      idempotencyKey: input.idempotencyKey,
      now,
    });
    await checkInAppointment(trx, appointment.id, now);
    await announceQueueChange(trx, location.id, 'check_in');
    return ticket;
  });
}

/**
 * A ticket for a visitor without an appointment. At the kiosk only for services that allow
 * walk-ins and while today's quota lasts; reception may always issue one (it still counts).
 */
export async function createWalkInTicket(
  deps: Deps,
  actor: StaffActor | DeviceActor,
  input: {
    locationId: string;
    serviceId: string;
    idempotencyKey?: string | undefined;
    language: string;
    priority?: boolean;
    priorityReason?: PriorityReason | undefined;
    routing?: RoutingFacts;
  },
): Promise<IssuedTicket> {
  permitFrontDeskAction(actor, 'check_in', input.locationId);
  const location = await findLocationById(deps.db, input.locationId);
  const now = deps.clock.now();
  const today = officeDay(now, location.time_zone);
  const service = await deps.db
    .selectFrom('service')
    .innerJoin('service_location', 'service_location.service_id', 'service.id')
    .select(['service.id', 'service.walk_in_allowed', 'service.walk_in_daily_quota'])
    .where('service.id', '=', input.serviceId)
    .where('service_location.location_id', '=', location.id)
    .where('service.active', '=', true)
    .executeTakeFirst();
  if (!service) throw new AppError('not_found', 'This concern is not offered at this location.', { details: { reason: 'unknown_service' } });
  const atKiosk = actor.kind === 'device';
  if (atKiosk && !service.walk_in_allowed) {
    throw new AppError('conflict', 'This concern needs an appointment.', { details: { reason: 'appointment_needed' } });
  }
  if (atKiosk) await refuseWhenClosed(deps.db, location, now);

  return deps.db.transaction().execute(async (trx) => {
    const earlier = await repeatOf(trx, location.id, input.idempotencyKey);
    if (earlier) {
      if (earlier.kind !== 'walk_in' || earlier.ticket.serviceId !== service.id) throw keyReused();
      return earlier.ticket;
    }
    const quota = atKiosk ? service.walk_in_daily_quota : null;
    if (quota === 0) throw new AppError('conflict', 'No walk-in places are left today.', { details: { reason: 'quota_used_up' } });
    const counted = await trx
      .insertInto('walk_in_count')
      .values({ location_id: location.id, service_id: service.id, day: today, used: 1 })
      .onConflict((oc) =>
        oc
          .columns(['location_id', 'service_id', 'day'])
          .doUpdateSet((eb) => ({ used: eb('walk_in_count.used', '+', 1) }))
          .where((eb) => (quota === null ? eb.val(true) : eb('walk_in_count.used', '<', quota))),
      )
      .returning('used')
      .executeTakeFirst();
    if (!counted) throw new AppError('conflict', 'No walk-in places are left today.', { details: { reason: 'quota_used_up' } });
    const ticket = await issueTicket(trx, {
      locationId: location.id,
      day: today,
      serviceId: service.id,
      appointmentId: null,
      queuedAt: now,
      language: input.language,
      routing: input.routing ?? {},
      actor,
      idempotencyKey: input.idempotencyKey,
      now,
      priority: input.priority ?? false,
      priorityReason: input.priorityReason,
    });
    await announceQueueChange(trx, location.id, 'walk_in');
    return ticket;
  });
}

export type PriorityReason = 'disability' | 'pregnancy' | 'children' | 'other';

async function issueTicket(
  trx: Trx,
  input: {
    locationId: string;
    day: string;
    serviceId: string;
    appointmentId: string | null;
    queuedAt: Date;
    language: string;
    routing: RoutingFacts;
    actor: StaffActor | DeviceActor;
    idempotencyKey: string | undefined;
    now: Date;
    priority?: boolean;
    priorityReason?: PriorityReason | undefined;
  },
): Promise<IssuedTicket> {
  const candidates = await queueCandidates(trx, input.serviceId);
  const specialtyId = chooseQueue(
    candidates.map((c) => ({ specialtyId: c.specialty_id, routingRule: c.routing_rule, sortOrder: c.sort_order })),
    input.routing,
  );
  const specialty = candidates.find((c) => c.specialty_id === specialtyId);
  if (!specialty) throw new AppError('conflict', 'No team serves this concern yet; please ask at reception.', { details: { reason: 'no_queue' } });
  const number = await nextTicketNumber(trx, input.locationId, input.day, specialty.queue_prefix);
  try {
    const row = await trx
      .insertInto('ticket')
      .values({
        location_id: input.locationId,
        specialty_id: specialty.specialty_id,
        service_id: input.serviceId,
        appointment_id: input.appointmentId,
        day: input.day,
        prefix: specialty.queue_prefix,
        number,
        queued_at: input.queuedAt,
        language: input.language,
        routing_surname: input.actor.kind === 'staff' ? (input.routing.surname ?? null) : null,
        routing_nationality: input.routing.nationality ?? null,
        checked_in_by: input.actor.kind === 'device' ? 'kiosk' : 'reception',
        checked_in_by_staff_id: input.actor.kind === 'staff' ? input.actor.staffId : null,
        idempotency_key: input.idempotencyKey ?? null,
        checked_in_at: input.now,
        updated_at: input.now,
        priority: input.priority ?? false,
        priority_reason: input.priority ? (input.priorityReason ?? 'other') : null,
      })
      .returning(['id', 'display_number', 'language', 'service_id', 'appointment_id'])
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      displayNumber: row.display_number ?? '',
      language: row.language,
      serviceId: row.service_id,
      kind: row.appointment_id ? 'appointment' : 'walk_in',
      repeated: false,
    };
  } catch (error) {
    if (isUniqueViolation(error, 'ticket_appointment_id_key')) {
      throw new AppError('conflict', 'This appointment is already checked in.', { details: { reason: 'already_checked_in' } });
    }
    throw error;
  }
}

/** A ticket already issued for this idempotency key, under a lock so concurrent retries queue up. */
async function repeatOf(trx: Trx, locationId: string, key: string | undefined) {
  if (!key) return null;
  await lockKey(trx, `ticket-key:${locationId}:${key}`);
  const row = await trx
    .selectFrom('ticket')
    .select(['id', 'display_number', 'language', 'service_id', 'appointment_id'])
    .where('location_id', '=', locationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const ticket: IssuedTicket = {
    id: row.id,
    displayNumber: row.display_number ?? '',
    language: row.language,
    serviceId: row.service_id,
    kind: row.appointment_id ? 'appointment' : 'walk_in',
    repeated: true,
  };
  const appointmentCode = row.appointment_id ? ((await appointmentCodeOf(trx, row.appointment_id)) ?? null) : null;
  return { kind: ticket.kind, appointmentCode, ticket };
}

function keyReused(): AppError {
  return new AppError('conflict', 'This check-in key was already used for something else.', { details: { reason: 'key_reused' } });
}
