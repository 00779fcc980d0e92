import { Temporal } from 'temporal-polyfill';
import { enqueueMail } from '../../platform/mail/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import { officeDay } from '../../shared/office-day.ts';
import { appointmentsByIds } from '../appointments/index.ts';
import { letterAddressees } from '../case-files/index.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import { invitationContents, invitationRows, type InvitationContent } from './invitation-content.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { invitationLettersPdf } from './invitation-letter.ts';
import { invitationMail } from './invitation-mail.ts';
import { releaseRunLetters } from './release-letters.ts';
import { runInvitations, type RunSummary } from './run-invitations.ts';

/** The staff side of invitations: every operation authorized ('invitation.manage') and audited. */
export type RunListItem = {
  id: string;
  startedAt: Date;
  trigger: string;
  invited: number;
  notInvited: number;
  lettersReleasedAt: Date | null;
};

const runColumns = ['id', 'started_at as startedAt', 'trigger', 'invited', 'not_invited as notInvited', 'letters_released_at as lettersReleasedAt'] as const;

export async function listRuns(deps: InvitationDeps, ctx: ChangeContext): Promise<(RunListItem & { reminderLetters: number })[]> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const runs = await deps.db.selectFrom('invitation_run').select(runColumns).orderBy('started_at', 'desc').limit(100).execute();
  const letters = await reminderLettersByRun(
    deps,
    runs.map((r) => r.id),
  );
  return runs.map((run) => ({ ...run, reminderLetters: letters.get(run.id) ?? 0 }));
}

/** How many reminder letters each run has to print: reminded by letter, the reservation still unconfirmed. */
async function reminderLettersByRun(deps: InvitationDeps, runIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (runIds.length === 0) return counts;
  const marked = await deps.db
    .selectFrom('invitation')
    .select(['run_id', 'appointment_id'])
    .where('run_id', 'in', runIds)
    .where('reminder_letter', '=', true)
    .where('released_at', 'is', null)
    .execute();
  const reserved = new Set(
    (
      await appointmentsByIds(
        deps.db,
        marked.map((m) => m.appointment_id),
      )
    )
      .filter((a) => a.status === 'reserved')
      .map((a) => a.id),
  );
  for (const m of marked) if (reserved.has(m.appointment_id)) counts.set(m.run_id, (counts.get(m.run_id) ?? 0) + 1);
  return counts;
}

export async function startRun(deps: InvitationDeps, ctx: ChangeContext): Promise<RunSummary> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const run = await runInvitations(deps, { trigger: 'staff', staffId: ctx.actor.staffId });
  await audit(deps, ctx, 'invitation_run.start', run.runId);
  return run;
}

export async function releaseRun(deps: InvitationDeps, ctx: ChangeContext, runId: string): Promise<number> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  await requireRun(deps, runId);
  const mailed = await releaseRunLetters(deps, runId, ctx.actor.staffId);
  await audit(deps, ctx, 'invitation_run.release', runId);
  return mailed;
}

export type RunReview = {
  run: RunListItem;
  /** Invitations per service and ISO week of the appointment. */
  byServiceAndWeek: { service: string; week: string; count: number }[];
  notInvited: { name: string; reason: string; fileReference: string | null }[];
  /** Reminders to print: persons without an e-mail address whose reservation is still unconfirmed. */
  reminderLetters: number;
  invitations: {
    id: string;
    name: string;
    service: string;
    startsAt: Date;
    timeZone: string;
    language: string;
    letterToFile: boolean;
    status: string;
    email: boolean;
    reminderLetter: boolean;
  }[];
};

/** A run for review before its letters are released: counts, who could not be invited and why, letters to the file. */
export async function reviewRun(deps: InvitationDeps, ctx: ChangeContext, runId: string): Promise<RunReview> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const run = await requireRun(deps, runId);
  const contents = await invitationContents(deps, await invitationRows(deps.db, { runId }));
  const weeks = new Map<string, { service: string; week: string; count: number }>();
  for (const c of contents) {
    const day = Temporal.PlainDate.from(officeDay(c.appointment.starts_at, c.location.timeZone));
    const week = `${day.yearOfWeek}-W${String(day.weekOfYear).padStart(2, '0')}`;
    const key = `${c.service.german.name}|${week}`;
    const entry = weeks.get(key) ?? { service: c.service.german.name, week, count: 0 };
    entry.count++;
    weeks.set(key, entry);
  }
  const skipped = await deps.db.selectFrom('invitation_skip').select(['person_id', 'reason']).where('run_id', '=', runId).execute();
  const people = await letterAddressees(
    deps.db,
    skipped.map((s) => s.person_id),
  );
  await audit(deps, ctx, 'invitation_run.review', runId);
  return {
    run,
    byServiceAndWeek: [...weeks.values()].sort((a, b) => (a.service === b.service ? (a.week < b.week ? -1 : 1) : a.service < b.service ? -1 : 1)),
    notInvited: skipped
      .map((s) => ({ name: people.get(s.person_id)?.name ?? '—', reason: s.reason, fileReference: people.get(s.person_id)?.fileReference ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    reminderLetters: contents.filter(reminderToPrint).length,
    invitations: contents.map((c) => ({
      id: c.invitationId,
      name: c.person.name,
      service: c.service.german.name,
      startsAt: c.appointment.starts_at,
      timeZone: c.location.timeZone,
      language: c.lang,
      letterToFile: c.letterToFile,
      status: c.appointment.status,
      email: c.person.email !== null,
      reminderLetter: c.reminderLetter,
    })),
  };
}

/** All letters of a released run as one PDF to print. */
export async function printRunLetters(deps: InvitationDeps, ctx: ChangeContext, runId: string): Promise<Buffer> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const run = await requireRun(deps, runId);
  if (!run.lettersReleasedAt) throw new AppError('conflict', 'Die Briefe dieses Laufs sind noch nicht freigegeben. / This run’s letters are not released yet.');
  const contents = await invitationContents(deps, await invitationRows(deps.db, { runId }));
  await audit(deps, ctx, 'invitation_run.print', runId);
  return invitationLettersPdf(contents, deps.clock.now());
}

const reminderToPrint = (c: InvitationContent) => c.reminderLetter && c.appointment.status === 'reserved';

/** The reminder letters of a run still worth sending (the reservation not yet confirmed, moved or released), as one PDF. */
export async function printRunReminders(deps: InvitationDeps, ctx: ChangeContext, runId: string): Promise<Buffer> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  await requireRun(deps, runId);
  const contents = (await invitationContents(deps, await invitationRows(deps.db, { runId, reminderLetters: true }))).filter(reminderToPrint);
  if (contents.length === 0)
    throw new AppError('not_found', 'Dieser Lauf hat keine Erinnerungsbriefe zu drucken. / This run has no reminder letters to print.');
  await audit(deps, ctx, 'invitation_run.print_reminders', runId);
  return invitationLettersPdf(contents, deps.clock.now(), 'reminder');
}

/** One invitation again: its letter as a PDF, and the mail queued again where an address is known. */
export async function resendInvitation(deps: InvitationDeps, ctx: ChangeContext, invitationId: string): Promise<{ pdf: Buffer; mailed: boolean }> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const content = await oneInvitation(deps, invitationId);
  const open = content.appointment.status === 'reserved' || content.appointment.status === 'booked';
  if (!open) throw new AppError('conflict', 'Dieser Termin ist nicht mehr offen. / This appointment is no longer open.');
  const mailed = content.person.email !== null;
  await deps.db.transaction().execute(async (trx) => {
    if (content.person.email) await enqueueMail(deps.jobs, invitationMail(content, 'invitation', content.person.email), { trx });
    await recordAudit(trx, deps.clock, {
      actor: ctx.actor,
      action: 'invitation.resend',
      target: { type: 'invitation', id: invitationId },
      screen: ctx.screen,
      ip: ctx.ip,
    });
  });
  return { pdf: await invitationLettersPdf([content], deps.clock.now()), mailed };
}

async function oneInvitation(deps: InvitationDeps, invitationId: string): Promise<InvitationContent> {
  if (!isId(invitationId)) throw new AppError('not_found', 'Diese Einladung gibt es nicht. / There is no such invitation.');
  const [content] = await invitationContents(deps, await invitationRows(deps.db, { invitationIds: [invitationId] }));
  if (!content) throw new AppError('not_found', 'Diese Einladung gibt es nicht. / There is no such invitation.');
  return content;
}

async function requireRun(deps: InvitationDeps, runId: string): Promise<RunListItem> {
  const row = isId(runId) ? await deps.db.selectFrom('invitation_run').select(runColumns).where('id', '=', runId).executeTakeFirst() : undefined;
  if (!row) throw new AppError('not_found', 'Diesen Lauf gibt es nicht. / There is no such run.');
  return row;
}

async function audit(deps: InvitationDeps, ctx: ChangeContext, action: string, runId: string): Promise<void> {
  await recordAudit(deps.db, deps.clock, { actor: ctx.actor, action, target: { type: 'invitation_run', id: runId }, screen: ctx.screen, ip: ctx.ip });
}
