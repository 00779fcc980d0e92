import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { recordAudit } from '../audit.ts';
import { can, type Action, type PolicyResource } from '../policy.ts';
import type { StaffActor } from '../roles.ts';

export type AdminDeps = { db: Database; clock: Clock };

/**
 * Who changes something, from which screen and address: what a use case needs to authorize and
 * audit, without knowing HTTP. Routes build it with `changeContext(c)` (admin-forms.tsx).
 */
export type ChangeContext = { actor: StaffActor; screen: string; ip: string | undefined };

export type ChangeEntry = { action: string; target: { type: string; id: string }; before?: unknown; after?: unknown; note?: string };

/** Throws `forbidden` unless the policy allows; the refusal goes to the audit trail. */
export async function authorizeChange(deps: AdminDeps, ctx: ChangeContext, action: Action, resource: PolicyResource = {}): Promise<void> {
  if (can(ctx.actor, action, resource)) return;
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: `denied:${action}`,
    outcome: 'denied',
    screen: ctx.screen,
    ip: ctx.ip,
    note: JSON.stringify(resource).slice(0, 1000),
  });
  throw new AppError('forbidden', 'Your role may not do this.', { details: { action } });
}

/** Every admin change goes to the audit trail with the state before and after; pass the transaction. */
export function recordChange(db: Parameters<typeof recordAudit>[0], clock: Clock, ctx: ChangeContext, entry: ChangeEntry): Promise<void> {
  return recordAudit(db, clock, { actor: ctx.actor, screen: ctx.screen, ip: ctx.ip, ...entry });
}

/** A database check constraint (23514) or foreign key (23503) as the user's mistake, not a 500. */
export function rethrowAs(code: '23514' | '23503', message: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === code) throw new AppError('validation_failed', message);
    throw error;
  };
}
