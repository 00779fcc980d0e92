import { staffRoles, type StaffRole } from '../roles.ts';
import type { GroupRule } from './sso-settings.ts';

/** What the identity provider's groups grant: one role (the strongest) and the union of locations. */
export type MappedAccess = { role: StaffRole; locationSlugs: string[]; groups: string[] };

// staffRoles lists the strongest first (admin, team lead, clerk, reception).
const strength = (role: StaffRole) => staffRoles.length - staffRoles.indexOf(role);

/** The groups (or roles) the claims carry at a claim name or a dotted path such as `realm_access.roles`. */
export function groupsFromClaims(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = path in claims ? claims[path] : claims;
  if (!(path in claims)) {
    for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** Undefined when no group is mapped: such a person may not sign in to Lotse. */
export function mapGroups(groups: readonly string[], map: ReadonlyMap<string, GroupRule>): MappedAccess | undefined {
  const matched = groups.filter((group) => map.has(group));
  if (matched.length === 0) return undefined;
  const rules = matched.map((group) => map.get(group) as GroupRule);
  const role = rules.map((rule) => rule.role).reduce((best, next) => (strength(next) > strength(best) ? next : best));
  const locationSlugs = [...new Set(rules.flatMap((rule) => rule.locations))].sort();
  return { role, locationSlugs, groups: matched.sort() };
}
