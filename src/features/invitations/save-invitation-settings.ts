import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { residenceTitleKinds } from '../case-files/index.ts';
import { listServices, staleVersion } from '../office/index.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { InvitationPolicy } from './invitation-policy.ts';
import {
  deleteTitleService,
  insertTitleService,
  lockPolicy,
  lockTitleService,
  updatePolicyRow,
  updateTitleService,
  type TitleServiceRow,
} from './invitation-settings-store.ts';

/**
 * The administrator's side of the invitation settings (docs/invitations.md, "Settings"): the
 * office's policy row and which service each kind of title is extended in. Every save names the
 * version it was loaded with; a newer one means someone else saved meanwhile (409, nothing written).
 */
export type SettingsDeps = { db: Database; clock: Clock };

type FieldProblem = { path: string; message: string };

function refuse(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError('validation_failed', 'Bitte prüfen Sie die markierten Angaben. / Please check the marked fields.', { fieldErrors: problems });
}

const ranges: [keyof InvitationPolicy, number, number][] = [
  ['windowFromDays', 1, 365],
  ['windowToDays', 1, 365],
  ['earliestDays', 0, 180],
  ['daysBeforeExpiry', 0, 180],
  ['keepFreePercent', 0, 100],
  ['releaseDaysBefore', 1, 60],
  ['reminderDaysBefore', 1, 60],
];

/** The rules the run needs to make sense, each problem at its field (the database's checks are the last guard). */
export function policyProblems(p: InvitationPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, min, max] of ranges) {
    const value = p[field] as number;
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ path: field, message: `eine ganze Zahl von ${min} bis ${max}` });
  }
  if (problems.length > 0) return problems;
  if (p.windowFromDays >= p.windowToDays) problems.push({ path: 'windowToDays', message: 'Das Ende des Zeitraums muss nach seinem Beginn liegen.' });
  if (p.reminderDaysBefore <= p.releaseDaysBefore)
    problems.push({ path: 'reminderDaysBefore', message: 'Die Erinnerung muss mehr Tage vor dem Termin liegen als die Freigabe.' });
  if (p.earliestDays > p.windowToDays - p.daysBeforeExpiry)
    problems.push({
      path: 'earliestDays',
      message: 'So bliebe für keinen Titel ein Tag zwischen dem frühesten Termin und dem letzten Tag vor dem Ablauf.',
    });
  if (p.releaseDaysBefore >= p.earliestDays && p.earliestDays > 0)
    problems.push({
      path: 'releaseDaysBefore',
      message: 'Ein Termin am frühesten Tag würde freigegeben, bevor der Brief ankommt: weniger Tage als „frühester Termin“.',
    });
  return problems;
}

export async function saveInvitationPolicy(deps: SettingsDeps, ctx: ChangeContext, version: number, input: InvitationPolicy): Promise<void> {
  await authorizeChange(deps, ctx, 'office.manage');
  refuse(policyProblems(input));
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockPolicy(trx);
    if (before.version !== version) throw staleVersion('Die Einladungsregeln');
    const after = await updatePolicyRow(trx, input, deps.clock.now());
    await recordChange(trx, deps.clock, ctx, { action: 'admin.invitation_policy.update', target: { type: 'invitation_policy', id: 'office' }, before, after });
  });
}

/** A kind of title the case files know; anything else is no row of this page (404). */
export function titleKind(value: string | undefined): keyof typeof residenceTitleKinds {
  if (value === undefined || !Object.hasOwn(residenceTitleKinds, value))
    throw new AppError('not_found', 'Diese Titelart gibt es nicht. / There is no such kind of title.');
  return value as keyof typeof residenceTitleKinds;
}

/** The service must be active and offered at a location at least, or no run could ever book it. */
async function requireOfferedService(deps: SettingsDeps, serviceId: string): Promise<void> {
  const services = await listServices(deps, { lang: 'de', id: serviceId });
  const service = services.find((s) => s.id === serviceId);
  if (!service) refuse([{ path: 'serviceId', message: 'Diese Leistung gibt es nicht (mehr).' }]);
  else if (service.locationIds.length === 0) refuse([{ path: 'serviceId', message: `„${service.name}“ wird an keinem Standort angeboten.` }]);
}

const target = (kind: string) => ({ type: 'invitation_service', id: kind });

export async function addTitleService(deps: SettingsDeps, ctx: ChangeContext, kind: string, serviceId: string): Promise<void> {
  await authorizeChange(deps, ctx, 'office.manage');
  if (!Object.hasOwn(residenceTitleKinds, kind)) refuse([{ path: 'titleKind', message: 'Bitte eine Titelart wählen.' }]);
  await requireOfferedService(deps, serviceId);
  await deps.db.transaction().execute(async (trx) => {
    const after = await insertTitleService(trx, kind, serviceId);
    if (!after)
      throw new AppError(
        'conflict',
        'Für diese Titelart ist schon eine Leistung eingestellt; ändern Sie die Zeile in der Liste. / This kind of title has a service already.',
        {
          fieldErrors: [{ path: 'titleKind', message: 'schon eingestellt' }],
        },
      );
    await recordChange(trx, deps.clock, ctx, { action: 'admin.invitation_service.create', target: target(kind), after });
  });
}

/** The mapping of this kind as the form loaded it: 404 when there is none, 409 when someone changed it since. */
async function lockLoadedMapping(trx: Transaction<DB>, kind: string, version: number): Promise<TitleServiceRow> {
  const before = await lockTitleService(trx, titleKind(kind));
  if (!before) throw new AppError('not_found', 'Für diese Titelart ist keine Leistung eingestellt. / No service is set for this kind of title.');
  if (before.version !== version) throw staleVersion('Diese Zuordnung');
  return before;
}

export async function changeTitleService(deps: SettingsDeps, ctx: ChangeContext, kind: string, version: number, serviceId: string): Promise<void> {
  await authorizeChange(deps, ctx, 'office.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockLoadedMapping(trx, kind, version);
    await requireOfferedService(deps, serviceId);
    const after = await updateTitleService(trx, kind, serviceId);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.invitation_service.update', target: target(kind), before, after });
  });
}

export async function removeTitleService(deps: SettingsDeps, ctx: ChangeContext, kind: string, version: number): Promise<void> {
  await authorizeChange(deps, ctx, 'office.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockLoadedMapping(trx, kind, version);
    await deleteTitleService(trx, kind);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.invitation_service.delete', target: target(kind), before });
  });
}
