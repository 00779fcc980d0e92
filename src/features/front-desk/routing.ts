/**
 * Routing rules of specialties: which queue a visitor joins. A rule is null (everyone),
 * surname letters ({"kind":"surname","from":"A","to":"K"}) or nationalities
 * ({"kind":"nationality","countries":["UA"]}). Pure, so the rules are unit-tested.
 */
export type RoutingRule = { kind: 'surname'; from: string; to: string } | { kind: 'nationality'; countries: string[] } | null;

export type QueueCandidate = { specialtyId: string; routingRule: unknown; sortOrder: number };
export type RoutingFacts = { surname?: string | null | undefined; nationality?: string | null | undefined };

export function parseRoutingRule(value: unknown): RoutingRule {
  if (!value || typeof value !== 'object') return null;
  const rule = value as Record<string, unknown>;
  if (rule.kind === 'surname' && typeof rule.from === 'string' && typeof rule.to === 'string') {
    return { kind: 'surname', from: rule.from.toUpperCase(), to: rule.to.toUpperCase() };
  }
  if (rule.kind === 'nationality' && Array.isArray(rule.countries)) {
    return { kind: 'nationality', countries: rule.countries.filter((c): c is string => typeof c === 'string').map((c) => c.toUpperCase()) };
  }
  return null;
}

/** The first letter A–Z of a surname, with accents removed (Özdemir → O, Łukasz → L). */
export function surnameInitial(surname: string): string | null {
  const letter = surname
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .toUpperCase()
    .match(/[A-Z]/);
  return letter ? letter[0] : null;
}

/** A person's surname from the booked full name: the last word (documented in docs/decisions.md). */
export function surnameOf(personName: string): string {
  const words = personName.trim().split(/\s+/);
  return words[words.length - 1] ?? personName;
}

function matches(rule: RoutingRule, facts: RoutingFacts): boolean | 'unknown' {
  if (rule === null) return true;
  if (rule.kind === 'surname') {
    const initial = facts.surname ? surnameInitial(facts.surname) : null;
    if (!initial) return 'unknown';
    return initial >= rule.from && initial <= rule.to;
  }
  if (!facts.nationality) return 'unknown';
  return rule.countries.includes(facts.nationality.toUpperCase());
}

/**
 * The queue for a visitor among the specialties that serve the service: the first (by sort
 * order) whose rule matches; when a fact is unknown, a specialty without a rule; failing
 * that, the first candidate (reception can transfer).
 */
export function chooseQueue(candidates: readonly QueueCandidate[], facts: RoutingFacts): string | null {
  const ordered = [...candidates].sort((a, b) => a.sortOrder - b.sortOrder || a.specialtyId.localeCompare(b.specialtyId));
  const withRules = ordered.map((candidate) => ({ candidate, rule: parseRoutingRule(candidate.routingRule) }));
  const ruled = withRules.find(({ rule }) => rule !== null && matches(rule, facts) === true);
  if (ruled) return ruled.candidate.specialtyId;
  const open = withRules.find(({ rule }) => rule === null);
  if (open) return open.candidate.specialtyId;
  return ordered[0]?.specialtyId ?? null;
}
