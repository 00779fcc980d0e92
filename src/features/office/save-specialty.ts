import { authorizeChange, exists, insertAudited, updateAudited, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';
import type { RoutingRule } from './routing-rule.ts';
import { insertSpecialty, lockSpecialty, updateSpecialtyRow, type SpecialtyColumns } from './specialty-store.ts';

export type SpecialtyInput = { name: string; slug: string; queuePrefix: string; sortOrder: number; rule: RoutingRule | null };

const audited = { type: 'specialty', violated: whenViolated({ '23505': exists('A specialty with this short name') }), notFound: 'There is no such specialty.' };

export async function createSpecialty(deps: OfficeDeps, change: OfficeChange, input: SpecialtyInput): Promise<string> {
  authorizeChange(change, 'office.manage');
  return (await insertAudited(deps, change, audited, (trx) => insertSpecialty(trx, columnsOf(input)))).id;
}

export async function updateSpecialty(deps: OfficeDeps, change: OfficeChange, id: string, input: SpecialtyInput): Promise<void> {
  authorizeChange(change, 'office.manage');
  await updateAudited(
    deps,
    change,
    { ...audited, id },
    (trx) => lockSpecialty(trx, id),
    (trx) => updateSpecialtyRow(trx, id, columnsOf(input)),
  );
}

function columnsOf(input: SpecialtyInput): SpecialtyColumns {
  return {
    name: input.name,
    slug: input.slug,
    queue_prefix: input.queuePrefix,
    sort_order: input.sortOrder,
    routing_rule: input.rule === null ? null : JSON.stringify(input.rule),
  };
}
