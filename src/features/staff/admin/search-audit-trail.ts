import { recordAudit, searchAudit, type AuditQuery } from '../audit.ts';
import { authorizeChange, type AdminDeps, type ChangeContext } from './change-context.ts';

/**
 * Searches the audit trail (at most 300 entries). Reading the trail shows people's names: the
 * search itself is recorded too. A searched name would stay in the append-only trail for ever,
 * so the entry names the person rows it found instead; they turn into pseudonyms when the
 * person's data is erased.
 */
export async function searchAuditTrail(deps: AdminDeps, ctx: ChangeContext, query: Omit<AuditQuery, 'limit'>) {
  await authorizeChange(deps, ctx, 'audit.read');
  const entries = await searchAudit(deps.db, { ...query, limit: 300 });
  if (query.person || query.staff || query.from || query.to) {
    const persons = query.person ? [...new Set(entries.flatMap((e) => (e.person_id ? [e.person_id] : [])))].slice(0, 20) : undefined;
    const note = JSON.stringify({ ...query, person: query.person === undefined ? undefined : { found: persons } });
    await recordAudit(deps.db, deps.clock, { actor: ctx.actor, action: 'audit.search', screen: 'audit search', ip: ctx.ip, note });
  }
  return entries;
}
