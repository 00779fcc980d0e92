import { CompiledQuery } from 'kysely';
import { preparedMarker, type Database } from '../../db/database.ts';
import type { Interval } from './availability.ts';

export type BookingsQuery = {
  locationId: string;
  clerkIds: readonly string[];
  resourceIds: readonly string[];
  from: Date;
  to: Date;
  /** Online callers: cancellations after this instant still hold their time (re-release delay). */
  heldSince: Date | null;
};

export type Bookings = {
  version: string;
  clerks: Map<string, Interval[]>;
  resources: Map<string, Interval[]>;
  /** The versions of the bookings in [from, to) (epoch ms) as one string, or null when they cannot be named. */
  signature(from: number, to: number): string | null;
};

type Held = Interval & { cancelledAt: number };
/** One holder's bookings overlapping one UTC day, as of `version` (busy_version; null: never booked). */
type DayEntry = { version: string | null; active: Interval[]; held: Held[]; heldLoadedSince: number | null };

const dayMs = 86_400_000;
const maxEntries = 400_000;

/**
 * The bookings of clerks and resources per UTC day, kept in memory and checked against
 * busy_version (migration 0105) on every request: a request reads one short version string per
 * holder and loads only the holders whose days changed. Cancellations within the re-release delay
 * are kept with their time, so one entry serves online callers (held back) and staff (free).
 */
export class BookingsCache {
  readonly #days = new Map<string, Map<number, DayEntry>>();
  readonly #starts = new Map<string, string[]>();
  #entries = 0;
  readonly #loadHeldMinutes: number;

  /** `releaseDelayMinutes`: the longest delay any caller asks for (cancellations kept that long). */
  constructor(releaseDelayMinutes = 0) {
    this.#loadHeldMinutes = releaseDelayMinutes;
  }

  async load(db: Database, query: BookingsQuery, now: number): Promise<Bookings> {
    const firstDay = Math.floor(query.from.getTime() / dayMs);
    const lastDay = Math.floor((query.to.getTime() - 1) / dayMs);
    const heldNeeded = query.heldSince?.getTime() ?? null;
    const holders = [...query.clerkIds.map((id) => ({ kind: 'c' as const, id })), ...query.resourceIds.map((id) => ({ kind: 'r' as const, id }))];
    const key = (id: string) => `${query.locationId}|${id}`;

    let version: string | undefined;
    let stale = holders;
    // With nothing cached the bookings are read at once (they carry the versions); with no one to
    // ask about, only the schedule version is.
    if (holders.length === 0 || holders.some((h) => this.#days.has(key(h.id)))) {
      const checked = await readVersions(
        db,
        holders.map((h) => h.id),
        firstDay,
        lastDay,
      );
      version = checked.version;
      stale = holders.filter((h) => {
        const days = this.#days.get(key(h.id));
        const current = checked.versions.get(h.id) ?? new Map<number, string>();
        for (let day = firstDay; day <= lastDay; day++) {
          const entry = days?.get(day);
          if (!entry || entry.version !== (current.get(day) ?? null)) return true;
          if (heldNeeded !== null && (entry.heldLoadedSince === null || entry.heldLoadedSince > heldNeeded)) return true;
        }
        return false;
      });
    }
    if (stale.length > 0) {
      // Cancellations are kept for the longest delay anyone asks for, so one entry serves all.
      const since = [this.#loadHeldMinutes > 0 ? now - this.#loadHeldMinutes * 60_000 : null, heldNeeded].filter((t): t is number => t !== null);
      const loaded = await readBookings(db, {
        locationId: query.locationId,
        clerkIds: stale.filter((h) => h.kind === 'c').map((h) => h.id),
        resourceIds: stale.filter((h) => h.kind === 'r').map((h) => h.id),
        from: new Date(firstDay * dayMs),
        to: new Date((lastDay + 1) * dayMs),
        heldSince: since.length > 0 ? new Date(Math.min(...since)) : null,
      });
      for (const holder of loaded.holders) this.#store(key(holder.id), holder, firstDay, lastDay, loaded.heldSince);
      // The schedule changed between the two reads: let the caller start again.
      if (version !== undefined && loaded.version !== version)
        return { version: `${version}→${loaded.version}`, clerks: new Map(), resources: new Map(), signature: () => null };
      version = loaded.version;
      for (const holder of loaded.holders) this.#store(key(holder.id), holder, firstDay, lastDay, loaded.heldSince);
    }

    // The entries this answer is made of, taken now: a concurrent request may store newer ones
    // before `signature` is asked, and the signature must name what was answered.
    const taken = new Map<string, (DayEntry | undefined)[]>();
    for (const holder of holders) {
      const days = this.#days.get(key(holder.id));
      const entries: (DayEntry | undefined)[] = [];
      for (let day = firstDay; day <= lastDay; day++) entries.push(days?.get(day));
      taken.set(holder.id, entries);
    }
    const collect = (id: string): Interval[] => {
      const busy: Interval[] = [];
      for (const entry of taken.get(id) ?? []) {
        if (!entry) continue;
        for (const i of entry.active) busy.push(i);
        if (heldNeeded !== null) for (const h of entry.held) if (h.cancelledAt > heldNeeded) busy.push(h);
      }
      return busy;
    };
    const allIds = [...query.clerkIds, ...query.resourceIds];
    return {
      version: version!,
      clerks: new Map(query.clerkIds.map((id) => [id, collect(id)])),
      resources: new Map(query.resourceIds.map((id) => [id, collect(id)])),
      signature: (from, to) => {
        // What the bookings of [from, to) are, as the versions of their UTC days; none while a
        // cancellation held back for online callers touches them (that changes with the clock).
        const parts: string[] = [];
        for (const id of allIds) {
          const entries = taken.get(id) ?? [];
          for (let day = Math.floor(from / dayMs); day <= Math.floor((to - 1) / dayMs); day++) {
            const entry = entries[day - firstDay];
            if (!entry) return null;
            if (heldNeeded !== null && entry.held.length > 0) return null;
            parts.push(entry.version ?? '-');
          }
        }
        return parts.join(',');
      },
    };
  }

  /** Free starts of one day as computed before for exactly these inputs (see get-availability.ts). */
  startsOf(key: string): string[] | undefined {
    return this.#starts.get(key);
  }

  rememberStarts(key: string, starts: string[]): void {
    if (this.#starts.size > 20_000) this.#starts.clear();
    this.#starts.set(key, starts);
  }

  #store(key: string, holder: LoadedHolder, firstDay: number, lastDay: number, heldSince: number | null): void {
    if (this.#entries > maxEntries) {
      this.#days.clear();
      this.#entries = 0;
    }
    let days = this.#days.get(key);
    if (!days) this.#days.set(key, (days = new Map()));
    for (let day = firstDay; day <= lastDay; day++) {
      if (!days.has(day)) this.#entries++;
      days.set(day, { version: holder.versions.get(day) ?? null, active: [], held: [], heldLoadedSince: heldSince });
    }
    const place = (interval: Interval, add: (entry: DayEntry) => void) => {
      const last = Math.min(lastDay, Math.floor((interval.end - 1) / dayMs));
      for (let day = Math.max(firstDay, Math.floor(interval.start / dayMs)); day <= last; day++) add(days.get(day)!);
    };
    for (const interval of holder.active) place(interval, (entry) => entry.active.push(interval));
    for (const held of holder.held) place(held, (entry) => entry.held.push(held));
  }
}

type LoadedHolder = { id: string; versions: Map<number, string>; active: Interval[]; held: Held[] };

const versionsOf = (holder: string) => `(SELECT string_agg(int4send(b.day - DATE '1970-01-01') || int8send(b.version::text::bigint), ''::bytea)
     FROM busy_version b WHERE b.holder = ${holder} AND b.day BETWEEN $2::date AND $3::date)`;

const versionsStatement = `${preparedMarker('busy_versions')}
  SELECT 'v' AS k, NULL::uuid AS id, (SELECT version::text FROM schedule_version) AS sv, NULL::bytea AS versions
  UNION ALL
  SELECT 'h', h, NULL, ${versionsOf('h')} FROM unnest($1::uuid[]) AS h`;

async function readVersions(
  db: Database,
  holders: string[],
  firstDay: number,
  lastDay: number,
): Promise<{ version: string; versions: Map<string, Map<number, string>> }> {
  const { rows } = await db.executeQuery<{ k: string; id: string | null; sv: string | null; versions: Buffer | null }>(
    CompiledQuery.raw(versionsStatement, [holders, isoDay(firstDay), isoDay(lastDay)]),
  );
  let version = '';
  const versions = new Map<string, Map<number, string>>();
  for (const row of rows) {
    if (row.k === 'v') version = row.sv!;
    else versions.set(row.id!, decodeVersions(row.versions));
  }
  return { version, versions };
}

// $1 clerk ids  $2 first day  $3 last day  $4 from  $5 to  $6 location  $7 held since
const bookingsOf = (column: 'staff_id' | 'resource_id', holder: string) => `
  ${versionsOf(holder)},
  (SELECT string_agg(timestamptz_send(a.starts_at) || timestamptz_send(a.ends_at), ''::bytea) FROM appointment a
    WHERE a.${column} = ${holder} AND a.status <> 'cancelled' AND a.starts_at < $5 AND a.starts_at > $4::timestamptz - interval '1 day' AND a.ends_at > $4),
  (SELECT string_agg(timestamptz_send(a.starts_at) || timestamptz_send(a.ends_at) || timestamptz_send(a.cancelled_at), ''::bytea) FROM appointment a
    WHERE $7::timestamptz IS NOT NULL AND a.location_id = $6::uuid AND a.status = 'cancelled' AND a.cancelled_at > $7
      AND a.${column} = ${holder} AND a.starts_at < $5 AND a.ends_at > $4)`;

const bookingsStatement = `${preparedMarker('holder_bookings')}
  SELECT 'v' AS k, NULL::uuid AS id, (SELECT version::text FROM schedule_version) AS sv, NULL::bytea AS versions, NULL::bytea AS active, NULL::bytea AS held
  UNION ALL
  SELECT 'c', h, NULL, ${bookingsOf('staff_id', 'h')} FROM unnest($1::uuid[]) AS h
  UNION ALL
  SELECT 'r', h, NULL, ${bookingsOf('resource_id', 'h')} FROM unnest($8::uuid[]) AS h`;

async function readBookings(db: Database, query: BookingsQuery): Promise<{ version: string; holders: LoadedHolder[]; heldSince: number | null }> {
  const firstDay = Math.floor(query.from.getTime() / dayMs);
  const lastDay = Math.floor((query.to.getTime() - 1) / dayMs);
  const { rows } = await db.executeQuery<{
    k: string;
    id: string | null;
    sv: string | null;
    versions: Buffer | null;
    active: Buffer | null;
    held: Buffer | null;
  }>(
    CompiledQuery.raw(bookingsStatement, [
      query.clerkIds,
      isoDay(firstDay),
      isoDay(lastDay),
      query.from,
      query.to,
      query.locationId,
      query.heldSince,
      query.resourceIds,
    ]),
  );
  let version = '';
  const holders: LoadedHolder[] = [];
  for (const row of rows) {
    if (row.k === 'v') version = row.sv!;
    else
      holders.push({
        id: row.id!,
        versions: decodeVersions(row.versions),
        active: decodeIntervals(row.active, 16),
        held: decodeIntervals(row.held, 24) as Held[],
      });
  }
  return { version, holders, heldSince: query.heldSince?.getTime() ?? null };
}

const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

function decodeVersions(buffer: Buffer | null): Map<number, string> {
  const versions = new Map<number, string>();
  if (!buffer) return versions;
  for (let i = 0; i + 12 <= buffer.length; i += 12) versions.set(buffer.readInt32BE(i), buffer.readBigInt64BE(i + 4).toString());
  return versions;
}

/** PostgreSQL's binary timestamptz: microseconds since 2000-01-01T00:00:00Z, a big-endian int64. */
const postgresEpochMs = Date.UTC(2000, 0, 1);

function decodeIntervals(buffer: Buffer | null, stride: 16 | 24): (Interval | Held)[] {
  if (!buffer) return [];
  const result: (Interval | Held)[] = new Array(Math.floor(buffer.length / stride));
  // Sub-millisecond parts widen a busy interval, never narrow it.
  for (let n = 0; n < result.length; n++) {
    const at = n * stride;
    const start = postgresEpochMs + Math.floor(microsAt(buffer, at) / 1000);
    const end = postgresEpochMs + Math.ceil(microsAt(buffer, at + 8) / 1000);
    result[n] = stride === 24 ? { start, end, cancelledAt: postgresEpochMs + Math.floor(microsAt(buffer, at + 16) / 1000) } : { start, end };
  }
  return result;
}

function microsAt(buffer: Buffer, offset: number): number {
  // high word signed, low word unsigned: exact while |µs| < 2^53 (until the year 2285)
  return buffer.readInt32BE(offset) * 4294967296 + buffer.readUInt32BE(offset + 4);
}
