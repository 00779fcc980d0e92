import { randomInt } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { preparedMarker, type Database } from '../../db/database.ts';
import { shuffle } from '../../shared/shuffle.ts';
import type { AppointmentRow, NewAppointment } from './appointment-store.ts';

/** One start at a location, the candidates the schedule allows for it, and what to leave out. */
export type SlotProbe = {
  /** schedule_version the candidates were computed from. */
  version: string;
  locationId: string;
  start: Date;
  end: Date;
  clerkIds: readonly string[];
  /** Candidates of the required kind, or [null] when the service needs none. */
  resourceIds: readonly (string | null)[];
  /** Online callers: cancellations after this instant still hold their time (re-release delay). */
  heldSince: Date | null;
  /** A rescheduled appointment does not block its own new time. */
  exceptAppointmentId?: string | undefined;
};

const noAppointment = '00000000-0000-0000-0000-000000000000';

// Parameters common to both statements (fixed texts: they run on every booking, and building
// them with Kysely showed up in Lotse's profile):
// $1 version  $2 clerk ids  $3 resource ids or NULL  $4 start  $5 end  $6 except  $7 location  $8 held since
const probeParameters = (probe: SlotProbe, clerkIds: readonly string[], resourceIds: readonly (string | null)[]) => [
  probe.version,
  clerkIds,
  resourceIds.includes(null) ? null : resourceIds,
  // ISO strings: pg's own conversion of a Date showed in Lotse's profile.
  probe.start.toISOString(),
  probe.end.toISOString(),
  probe.exceptAppointmentId ?? noAppointment,
  probe.locationId,
  probe.heldSince?.toISOString() ?? null,
];

const bookStatement = `${preparedMarker('book_free_candidate')}
  SELECT * FROM book_free_candidate($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`;

/**
 * Books the probe's start in one call of book_free_candidate (migrations 0104, 0106, 0700): the first of the
 * shuffled candidates without an overlapping appointment is inserted, provided the schedule
 * version still holds, with a notice for the confirmation when `notify`. `row` is null when no candidate is free or the version has moved on
 * (compare `version`); a 23P01 means a concurrent booking took the chosen clerk first.
 */
export async function bookFreeCandidate(
  db: Database,
  probe: SlotProbe,
  a: Omit<NewAppointment, 'staff_id' | 'resource_id' | 'starts_at' | 'ends_at' | 'location_id'>,
  notify: boolean,
  /** The booking's (and its notice's) created_at: the injected clock's now. */
  now: Date,
): Promise<{ version: string; row: AppointmentRow | null }> {
  const parameters = [
    ...probeParameters(probe, shuffled(probe.clerkIds), shuffled(probe.resourceIds)),
    a.code,
    a.manage_secret_hash,
    a.manage_secret_sealed,
    a.service_id,
    a.person_name,
    a.date_of_birth,
    a.email,
    a.email_normalized,
    a.phone,
    a.language,
    a.created_by,
    a.created_by_staff_id,
    a.idempotency_key,
    notify,
    now.toISOString(),
  ];
  type Booked = { version: string; id: string | null; staff_id: string | null; resource_id: string | null; created_at: Date | null };
  const { rows } = await db.executeQuery<Booked>(CompiledQuery.raw(bookStatement, parameters));
  const booked = rows[0]!;
  if (!booked.id || !booked.staff_id || !booked.created_at) return { version: booked.version, row: null };
  return {
    version: booked.version,
    row: {
      ...a,
      id: booked.id,
      staff_id: booked.staff_id,
      resource_id: booked.resource_id,
      location_id: probe.locationId,
      starts_at: probe.start,
      ends_at: probe.end,
      status: 'booked',
      created_at: booked.created_at,
      cancelled_at: null,
    },
  };
}

const busyStatement = `${preparedMarker('busy_candidates')}
  SELECT (SELECT version::text FROM schedule_version) AS version,
         CASE WHEN $1::text IS NOT NULL THEN busy_holders('staff', $2::uuid[], $4, $5, $6, $7, $8) END AS clerks,
         CASE WHEN $3::uuid[] IS NOT NULL THEN busy_holders('resource', $3::uuid[], $4, $5, $6, $7, $8) END AS resources`;

/** Which candidates of the probe are busy, read together with the schedule version. */
export async function busyCandidates(db: Database, probe: SlotProbe): Promise<{ version: string; clerkIds: Set<string>; resourceIds: Set<string> }> {
  const parameters = probeParameters(probe, probe.clerkIds, probe.resourceIds);
  const { rows } = await db.executeQuery<{ version: string; clerks: string[] | null; resources: string[] | null }>(
    CompiledQuery.raw(busyStatement, parameters),
  );
  const row = rows[0]!;
  return { version: row.version, clerkIds: new Set(row.clerks ?? []), resourceIds: new Set(row.resources ?? []) };
}

function shuffled<T>(items: readonly T[]): T[] {
  return shuffle(items, randomInt);
}
