import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { addDays } from '../../web/format.ts';
import { isLanguage, sourceLang } from '../../web/i18n.ts';
import { officeDay } from '../../shared/office-day.ts';
import { appointmentsByIds, freeClerkSlots, reserveAppointment, ScheduleCache, type ClerkSlot } from '../appointments/index.ts';
import { expiringTitles, type ExpiringTitle } from '../case-files/index.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { loadPolicy, servicesByTitleKind, type InvitationPolicy } from './invitation-policy.ts';
import { chooseDay, type DayBudget } from './plan-days.ts';
import { releaseRunLetters } from './release-letters.ts';

export type SkipReason = 'no_service_for_kind' | 'not_offered_at_location' | 'no_capacity' | 'no_birth_date' | 'has_appointment';
export type RunSummary = { runId: string; invited: number; notInvited: number; skipped: Record<SkipReason, number> };

/** One advisory lock for all runs on every instance: the second run waits, then finds the titles invited. */
const runLock = sql`SELECT pg_advisory_lock(hashtext('lotse.invitation-run'))`;
const runUnlock = sql`SELECT pg_advisory_unlock(hashtext('lotse.invitation-run'))`;
// The engine looks at most 92 days at once.
const maxPlanDays = 91;

/**
 * An invitation run: every current title expiring in the policy's window whose person has nothing
 * under way gets a reserved appointment for the service its kind maps to, at the location of the
 * file, spread over the days so that each day keeps the configured share free. Titles are taken most
 * urgent first. Whoever cannot be invited is recorded with the reason. A title is invited once per
 * expiry date (unique key); runs take turns (advisory lock), so two at once never double-invite.
 */
export async function runInvitations(deps: InvitationDeps, input: { trigger: 'daily' | 'staff'; staffId: string | null }): Promise<RunSummary> {
  return deps.db.connection().execute(async (conn) => {
    await runLock.execute(conn);
    try {
      return await runLocked({ ...deps, db: conn }, input);
    } finally {
      await runUnlock.execute(conn);
    }
  });
}

type Group = { serviceId: string; locationId: string; titles: ExpiringTitle[] };
type Skip = { title: ExpiringTitle; reason: SkipReason };

async function runLocked(deps: InvitationDeps, input: { trigger: 'daily' | 'staff'; staffId: string | null }): Promise<RunSummary> {
  const { db } = deps;
  const now = deps.clock.now();
  const today = officeDay(now, deps.timeZone);
  const policy = await loadPolicy(db);
  const expiringFrom = addDays(today, policy.windowFromDays);
  const expiringTo = addDays(today, policy.windowToDays);
  const [titles, services, invited] = await Promise.all([
    expiringTitles(db, { from: expiringFrom, to: expiringTo, now }),
    servicesByTitleKind(db),
    db
      .selectFrom('invitation')
      .select(['residence_title_id', sql<string>`expires_on::text`.as('expires_on')])
      .where('expires_on', '>=', expiringFrom)
      .execute(),
  ]);
  const done = new Set(invited.map((i) => `${i.residence_title_id}|${i.expires_on}`));
  const run = await db
    .insertInto('invitation_run')
    .values({ started_at: now, started_by_staff_id: input.staffId, trigger: input.trigger, expiring_from: expiringFrom, expiring_to: expiringTo })
    .returning('id')
    .executeTakeFirstOrThrow();

  const skips: Skip[] = [];
  const groups = new Map<string, Group>();
  for (const title of titles) {
    if (done.has(`${title.titleId}|${title.validUntil}`)) continue;
    const serviceId = services.get(title.kind);
    if (!serviceId) skips.push({ title, reason: 'no_service_for_kind' });
    else if (title.birthYear === null) skips.push({ title, reason: 'no_birth_date' });
    else {
      const key = `${title.locationId}|${serviceId}`;
      const group = groups.get(key) ?? { serviceId, locationId: title.locationId, titles: [] };
      group.titles.push(title);
      groups.set(key, group);
    }
  }
  const schedules = deps.schedules ?? new ScheduleCache(deps.clock);
  let count = 0;
  for (const group of groups.values()) {
    count += await inviteGroup({ ...deps, schedules }, policy, today, run.id, group, input.staffId, skips);
  }
  if (skips.length > 0) {
    for (let i = 0; i < skips.length; i += 1000) {
      await db
        .insertInto('invitation_skip')
        .values(skips.slice(i, i + 1000).map((s) => ({ run_id: run.id, residence_title_id: s.title.titleId, person_id: s.title.personId, reason: s.reason })))
        .execute();
    }
  }
  await db.updateTable('invitation_run').set({ invited: count, not_invited: skips.length }).where('id', '=', run.id).execute();
  if (!policy.reviewBeforeRelease && count > 0) await releaseRunLetters(deps, run.id, null);
  const skipped = { no_service_for_kind: 0, not_offered_at_location: 0, no_capacity: 0, no_birth_date: 0, has_appointment: 0 };
  for (const s of skips) skipped[s.reason]++;
  return { runId: run.id, invited: count, notInvited: skips.length, skipped };
}

/** Places one service's invitations at one location; returns how many were placed. */
async function inviteGroup(
  deps: InvitationDeps & { schedules: ScheduleCache },
  policy: InvitationPolicy,
  today: string,
  runId: string,
  group: Group,
  staffId: string | null,
  skips: Skip[],
): Promise<number> {
  const from = addDays(today, policy.earliestDays);
  const latestOf = (t: ExpiringTitle) => addDays(t.validUntil, -policy.daysBeforeExpiry);
  const lastWanted = group.titles.map(latestOf).reduce((a, b) => (a > b ? a : b));
  const cap = addDays(from, maxPlanDays);
  const to = lastWanted < cap ? lastWanted : cap;
  if (to < from) {
    for (const title of group.titles) skips.push({ title, reason: 'no_capacity' });
    return 0;
  }
  const free = await freeClerkSlots(deps, { serviceId: group.serviceId, locationId: group.locationId, from, to });
  if (!free) {
    for (const title of group.titles) skips.push({ title, reason: 'not_offered_at_location' });
    return 0;
  }
  const placed = await invitationsPerDay(deps.db, group, free.timeZone, from, to);
  const days: (DayBudget & { slots: ClerkSlot[] })[] = [...free.days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, slots]) => ({ date, slots, invited: placed.get(date) ?? 0, capacity: slots.length + (placed.get(date) ?? 0) }));
  let count = 0;
  for (const title of group.titles) {
    const outcome = await placeTitle(deps, policy, days, latestOf(title), runId, group, title, staffId);
    if (outcome === 'invited') count++;
    else if (outcome !== 'already') skips.push({ title, reason: outcome });
  }
  return count;
}

async function placeTitle(
  deps: InvitationDeps & { schedules: ScheduleCache },
  policy: InvitationPolicy,
  days: (DayBudget & { slots: ClerkSlot[] })[],
  latest: string,
  runId: string,
  group: Group,
  title: ExpiringTitle,
  staffId: string | null,
): Promise<'invited' | 'already' | 'no_capacity' | 'has_appointment'> {
  for (;;) {
    const day = chooseDay(days, latest, policy.keepFreePercent) as (DayBudget & { slots: ClerkSlot[] }) | undefined;
    if (!day) return 'no_capacity';
    const slot = day.slots.shift();
    if (!slot) {
      day.capacity = day.invited;
      continue;
    }
    const outcome = await reserveFor(deps, runId, group, title, slot, staffId);
    if (outcome === 'taken') {
      // Someone else took that time meanwhile: the day offers one less.
      day.capacity--;
      continue;
    }
    if (outcome === 'invited') day.invited++;
    else day.slots.unshift(slot);
    return outcome;
  }
}

const alreadyInvited = new Error('already invited');

async function reserveFor(
  deps: InvitationDeps & { schedules: ScheduleCache },
  runId: string,
  group: Group,
  title: ExpiringTitle,
  slot: ClerkSlot,
  staffId: string | null,
): Promise<'invited' | 'taken' | 'already' | 'has_appointment'> {
  const language = isLanguage(title.preferredLanguage) ? title.preferredLanguage : sourceLang;
  const pad = (n: number | null) => String(n ?? 1).padStart(2, '0');
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const reserved = await reserveAppointment(
        { db: trx, clock: deps.clock, schedules: deps.schedules },
        {
          serviceId: group.serviceId,
          locationId: group.locationId,
          start: slot.start,
          staffId: slot.staffId,
          person: {
            name: `${title.givenNames} ${title.familyName}`.trim(),
            // The engine needs a whole date; a partly known one is completed with 1s and marked as such,
            // so the portal's look-up compares only the known parts (docs/invitations.md).
            dateOfBirth: `${title.birthYear}-${pad(title.birthMonth)}-${pad(title.birthDay)}`,
            dateOfBirthPrecision: title.birthDay !== null && title.birthMonth !== null ? 'day' : title.birthMonth !== null ? 'month' : 'year',
            email: title.email,
            language,
          },
          createdByStaffId: staffId,
        },
      );
      if (reserved === 'taken') return 'taken';
      if (reserved === 'duplicate') return 'has_appointment';
      const row = await trx
        .insertInto('invitation')
        .values({
          run_id: runId,
          residence_title_id: title.titleId,
          expires_on: title.validUntil,
          person_id: title.personId,
          appointment_id: reserved.id,
          language,
          letter_to_file: !title.address.street || !title.address.postalCode || !title.address.city,
          created_at: deps.clock.now(),
        })
        .onConflict((oc) => oc.columns(['residence_title_id', 'expires_on']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // Invited meanwhile by a run that did not take the lock (or an import): give the time back.
      if (!row) throw alreadyInvited;
      return 'invited';
    });
  } catch (error) {
    if (error === alreadyInvited) return 'already';
    throw error;
  }
}

/** Invitations already placed per local day for this service and location (not released, not cancelled). */
async function invitationsPerDay(db: Database, group: Group, timeZone: string, from: string, to: string): Promise<Map<string, number>> {
  const open = await db.selectFrom('invitation').select('appointment_id').where('released_at', 'is', null).where('expires_on', '>=', from).execute();
  const perDay = new Map<string, number>();
  const ids = open.map((o) => o.appointment_id);
  for (let i = 0; i < ids.length; i += 5000) {
    for (const a of await appointmentsByIds(db, ids.slice(i, i + 5000))) {
      if (a.status === 'cancelled' || a.service_id !== group.serviceId || a.location_id !== group.locationId) continue;
      const day = officeDay(a.starts_at, timeZone);
      if (day >= from && day <= to) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  return perDay;
}
