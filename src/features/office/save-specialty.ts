import { catalogueEntry, exists, whenViolated } from './office-change.ts';
import type { RoutingRule } from './routing-rule.ts';
import { insertSpecialty, lockSpecialty, updateSpecialtyRow, type SpecialtyColumns } from './specialty-store.ts';

export type SpecialtyInput = { name: string; slug: string; queuePrefix: string; sortOrder: number; rule: RoutingRule | null };

const audited = { type: 'specialty', violated: whenViolated({ '23505': exists('A specialty with this short name') }), notFound: 'There is no such specialty.' };

const entry = catalogueEntry({ audited, columnsOf, insert: insertSpecialty, lock: lockSpecialty, update: updateSpecialtyRow });
export const createSpecialty = entry.create;
export const updateSpecialty = entry.update;

function columnsOf(input: SpecialtyInput): SpecialtyColumns {
  return {
    name: input.name,
    slug: input.slug,
    queue_prefix: input.queuePrefix,
    sort_order: input.sortOrder,
    routing_rule: input.rule === null ? null : JSON.stringify(input.rule),
  };
}
