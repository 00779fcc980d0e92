import { z } from 'zod';

/** How a specialty picks its visitors: everyone, a surname range, or nationalities. */
export const routingRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('surname'), from: z.string().regex(/^[A-Z]$/), to: z.string().regex(/^[A-Z]$/) })
    .refine((r) => r.from <= r.to, 'from must not be after to'),
  z.object({
    kind: z.literal('nationality'),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .max(60),
  }),
]);
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** Reads the form fields of the routing rule editor into a rule (or null for everyone). */
export function routingRuleFromForm(form: {
  ruleKind: string;
  surnameFrom?: string | undefined;
  surnameTo?: string | undefined;
  countries?: string | undefined;
}): RoutingRule | null {
  if (form.ruleKind === 'none') return null;
  const candidate =
    form.ruleKind === 'surname'
      ? { kind: 'surname', from: (form.surnameFrom ?? '').trim().toUpperCase(), to: (form.surnameTo ?? '').trim().toUpperCase() }
      : {
          kind: 'nationality',
          countries: (form.countries ?? '')
            .split(/[\s,;]+/)
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
        };
  return routingRuleSchema.parse(candidate);
}

export function describeRoutingRule(rule: unknown): string {
  const parsed = routingRuleSchema.safeParse(rule);
  if (!parsed.success) return '—';
  return parsed.data.kind === 'surname' ? `${parsed.data.from}–${parsed.data.to}` : parsed.data.countries.join(', ');
}
