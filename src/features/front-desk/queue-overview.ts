import { sql } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { permitFrontDeskAction, type StaffActor } from './actors.ts';
import { queueOrder } from './call-next.ts';
import { activeCounters, allSpecialties, counterInUse, findLocationById, loadSettings, servicesAt, type Db } from './front-desk-store.ts';
import { officeDay, officeDayBounds } from '../../shared/office-day.ts';

/** Read models for the desk, reception and figures pages. Ticket lists carry no names. */
export type WaitingTicket = {
  id: string;
  number: string;
  waitingMinutes: number;
  priority: boolean;
  priorityReason: string | null;
  withAppointment: boolean;
  appointmentAt: Date | null;
  language: string;
  serviceName: string;
};

export type QueueSummary = { specialtyId: string; name: string; prefix: string; waiting: WaitingTicket[]; longestWaitMinutes: number };

export async function waitingQueues(deps: { db: Db; clock: Clock }, actor: StaffActor, locationId: string): Promise<QueueSummary[]> {
  permitFrontDeskAction(actor, 'figures', locationId);
  const location = await findLocationById(deps.db, locationId);
  const settings = await loadSettings(deps.db, location.id);
  const now = deps.clock.now();
  const rows = await sql<{
    id: string;
    display_number: string;
    specialty_id: string;
    checked_in_at: Date;
    priority: boolean;
    priority_reason: string | null;
    appointment_id: string | null;
    starts_at: Date | null;
    language: string;
    service_name: string | null;
  }>`
    SELECT t.id, t.display_number, t.specialty_id, t.checked_in_at, t.priority, t.priority_reason, t.appointment_id, a.starts_at, t.language,
      (SELECT name FROM service_text st WHERE st.service_id = t.service_id AND st.lang = 'de') AS service_name
    FROM ticket t LEFT JOIN appointment a ON a.id = t.appointment_id
    WHERE t.location_id = ${location.id} AND t.day = ${officeDay(now, location.time_zone)} AND t.status = 'waiting'
    ORDER BY ${queueOrder(settings)}`.execute(deps.db);
  const specialties = await deps.db.selectFrom('specialty').select(['id', 'name', 'queue_prefix']).orderBy('sort_order').orderBy('name').execute();
  return specialties
    .map((specialty) => {
      const waiting = rows.rows
        .filter((row) => row.specialty_id === specialty.id)
        .map((row) => ({
          id: row.id,
          number: row.display_number,
          waitingMinutes: Math.max(0, Math.floor((now.getTime() - row.checked_in_at.getTime()) / 60_000)),
          priority: row.priority,
          priorityReason: row.priority_reason,
          withAppointment: row.appointment_id !== null,
          appointmentAt: row.starts_at,
          language: row.language,
          serviceName: row.service_name ?? '',
        }));
      return {
        specialtyId: specialty.id,
        name: specialty.name,
        prefix: specialty.queue_prefix,
        waiting,
        longestWaitMinutes: Math.max(0, ...waiting.map((w) => w.waitingMinutes)),
      };
    })
    .filter((queue) => queue.waiting.length > 0 || rows.rows.length === 0);
}

export type DeskTicket = {
  id: string;
  number: string;
  status: string;
  recallCount: number;
  counterName: string | null;
  serviceName: string;
  requiredDocuments: string[];
  feeCents: number | null;
  withAppointment: boolean;
  language: string;
  transferNotes: { note: string; at: Date; from: string; to: string }[];
};

/** The clerk's current and parked tickets with the prepared information (no personal data). */
export async function deskTickets(deps: { db: Db }, actor: StaffActor, locationId: string): Promise<{ current: DeskTicket | null; parked: DeskTicket[] }> {
  permitFrontDeskAction(actor, 'call', locationId);
  const rows = await deps.db
    .selectFrom('ticket')
    .leftJoin('counter', 'counter.id', 'ticket.counter_id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'ticket.service_id').on('service_text.lang', '=', 'de'))
    .innerJoin('service', 'service.id', 'ticket.service_id')
    .select([
      'ticket.id',
      'ticket.display_number',
      'ticket.status',
      'ticket.recall_count',
      'ticket.appointment_id',
      'ticket.language',
      'ticket.specialty_id',
      'counter.name as counter_name',
      'service_text.name as service_name',
      'service_text.required_documents',
      'service.fee_cents',
    ])
    .where('ticket.location_id', '=', locationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('ticket.staff_id', '=', actor.staffId), eb('ticket.status', 'in', ['called', 'in_service'])]),
        eb.and([
          eb('ticket.status', '=', 'parked'),
          eb('ticket.specialty_id', 'in', actor.specialtyIds.length ? [...actor.specialtyIds] : ['00000000-0000-0000-0000-000000000000']),
        ]),
      ]),
    )
    .orderBy('ticket.updated_at')
    .execute();
  const notes = rows.length
    ? await deps.db
        .selectFrom('ticket_transfer')
        .innerJoin('specialty as f', 'f.id', 'ticket_transfer.from_specialty_id')
        .innerJoin('specialty as t', 't.id', 'ticket_transfer.to_specialty_id')
        .select(['ticket_transfer.ticket_id', 'ticket_transfer.note', 'ticket_transfer.created_at', 'f.name as from_name', 't.name as to_name'])
        .where(
          'ticket_transfer.ticket_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('ticket_transfer.created_at')
        .execute()
    : [];
  const tickets = rows.map((row) => ({
    id: row.id,
    number: row.display_number ?? '',
    status: row.status,
    recallCount: row.recall_count,
    counterName: row.counter_name,
    serviceName: row.service_name ?? '',
    requiredDocuments: row.required_documents ?? [],
    feeCents: row.fee_cents,
    withAppointment: row.appointment_id !== null,
    language: row.language,
    transferNotes: notes.filter((n) => n.ticket_id === row.id).map((n) => ({ note: n.note, at: n.created_at, from: n.from_name, to: n.to_name })),
  }));
  return { current: tickets.find((t) => t.status !== 'parked') ?? null, parked: tickets.filter((t) => t.status === 'parked') };
}

export type BookingData = {
  appointmentId: string;
  personName: string;
  dateOfBirth: string;
  email: string;
  phone: string | null;
  startsAt: Date;
  code: string;
  language: string;
};

/** The booking behind a ticket; every call is a read of personal data and must be audited by the caller. */
export async function bookingOfTicket(deps: { db: Db }, actor: StaffActor, ticketId: string): Promise<BookingData | null> {
  const row = await deps.db
    .selectFrom('ticket')
    .leftJoin('appointment', 'appointment.id', 'ticket.appointment_id')
    .select([
      'ticket.location_id',
      'ticket.staff_id',
      'ticket.specialty_id',
      'appointment.id as appointment_id',
      'appointment.person_name',
      'appointment.date_of_birth',
      'appointment.email',
      'appointment.phone',
      'appointment.starts_at',
      'appointment.code',
      'appointment.language',
    ])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return null;
  permitFrontDeskAction(actor, 'call', row.location_id);
  if (row.staff_id !== actor.staffId && !actor.specialtyIds.includes(row.specialty_id)) return null;
  if (!row.appointment_id || !row.person_name) return null;
  return {
    appointmentId: row.appointment_id,
    personName: row.person_name,
    dateOfBirth: row.date_of_birth ?? '',
    email: row.email ?? '',
    phone: row.phone,
    startsAt: row.starts_at as Date,
    code: row.code ?? '',
    language: row.language ?? 'de',
  };
}

export type TodaysAppointment = {
  id: string;
  code: string;
  personName: string;
  startsAt: Date;
  status: string;
  serviceName: string;
  ticketNumber: string | null;
  ticketStatus: string | null;
};

/** Reception's list of today's appointments at a location (personal data: the caller audits it). */
export async function todaysAppointments(deps: { db: Db; clock: Clock }, actor: StaffActor, locationId: string, search?: string): Promise<TodaysAppointment[]> {
  permitFrontDeskAction(actor, 'reception', locationId);
  const location = await findLocationById(deps.db, locationId);
  const { start, end } = officeDayBounds(officeDay(deps.clock.now(), location.time_zone), location.time_zone);
  let query = deps.db
    .selectFrom('appointment')
    .leftJoin('ticket', 'ticket.appointment_id', 'appointment.id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select([
      'appointment.id',
      'appointment.code',
      'appointment.person_name',
      'appointment.starts_at',
      'appointment.status',
      'service_text.name as service_name',
      'ticket.display_number',
      'ticket.status as ticket_status',
    ])
    .where('appointment.location_id', '=', location.id)
    .where('appointment.starts_at', '>=', start)
    .where('appointment.starts_at', '<', end)
    .where('appointment.status', '<>', 'cancelled')
    .where('appointment.person_name', 'is not', null);
  const term = search?.trim().slice(0, 100);
  if (term)
    query = query.where((eb) =>
      eb.or([eb('appointment.person_name', 'ilike', `%${term.replace(/[%_\\]/g, '\\$&')}%`), eb('appointment.code', '=', term.toUpperCase())]),
    );
  const rows = await query.orderBy('appointment.starts_at').limit(500).execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    // Today's appointments are never erased (that happens days after the visit); the filter above says so to the types.
    personName: row.person_name ?? '',
    startsAt: row.starts_at,
    status: row.status,
    serviceName: row.service_name ?? '',
    ticketNumber: row.display_number,
    ticketStatus: row.ticket_status,
  }));
}

export type DeskView = { current: DeskTicket | null; parked: DeskTicket[]; queues: QueueSummary[]; specialties: { id: string; name: string }[] };

/** Everything the clerk's desk shows: own and parked tickets, the own queues, and the queues to hand over to. */
export async function deskView(deps: { db: Db; clock: Clock }, actor: StaffActor, locationId: string): Promise<DeskView> {
  const [own, queues, specialties] = await Promise.all([deskTickets(deps, actor, locationId), waitingQueues(deps, actor, locationId), allSpecialties(deps.db)]);
  return { ...own, queues: queues.filter((q) => actor.specialtyIds.includes(q.specialtyId)), specialties };
}

/** The counters a clerk may take at a location, and the one of a ticket still in progress. */
export async function deskCounters(
  deps: { db: Db },
  actor: StaffActor,
  locationId: string,
): Promise<{ counters: { id: string; name: string }[]; inUse: string | null }> {
  permitFrontDeskAction(actor, 'call', locationId);
  const [counters, inUse] = await Promise.all([activeCounters(deps.db, locationId), counterInUse(deps.db, actor.staffId, locationId)]);
  return { counters, inUse };
}

/** The concerns reception may issue a walk-in ticket for, named in the staff member's language. */
export async function receptionServices(deps: { db: Db }, actor: StaffActor, locationId: string, lang: string): Promise<{ id: string; name: string }[]> {
  permitFrontDeskAction(actor, 'reception', locationId);
  return servicesAt(deps.db, locationId, lang);
}
