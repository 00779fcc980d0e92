import jsonLogic from 'json-logic-js';
import { z } from 'zod';

/**
 * A form as data (docs/applications.md): steps of fields, each field with its kind, whether it is
 * required, JSON Logic conditions (`showIf`, `requireIf`) over the answers given so far, and rules
 * (`rules`: JSON Logic that must be true, with the text key of the message when it is not).
 * Texts are not in the definition: every label, help and message is a key of the version's texts
 * (German) and its translations — see `textKeys`.
 */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'key: a-z, 0-9, _ (starts with a letter)');

/** A JSON Logic expression; checked to be evaluable when the definition is saved. */
const logic = z.custom<jsonLogic.RulesLogic>((value) => typeof value === 'object' && value !== null && jsonLogic.is_logic(value), {
  message: 'expected a JSON Logic expression such as {"==": [{"var": "field"}, true]}',
});

const rule = z.object({ if: logic, message: key });

const common = {
  key,
  required: z.boolean().default(false),
  showIf: logic.optional(),
  requireIf: logic.optional(),
  rules: z.array(rule).max(10).default([]),
};

const textField = z.object({
  ...common,
  kind: z.literal('text'),
  maxLength: z.number().int().min(1).max(2000).default(200),
  multiline: z.boolean().default(false),
});
const emailField = z.object({ ...common, kind: z.literal('email') });
const dateField = z.object({
  ...common,
  kind: z.literal('date'),
  /** Year, or year and month, are enough (dates of birth from papers that give no day). */
  partial: z.boolean().default(false),
  /** "past": not after today; "future": not before today. */
  range: z.enum(['any', 'past', 'future']).default('any'),
});
const choiceField = z.object({ ...common, kind: z.literal('choice'), options: z.array(key).min(2).max(40) });
const yesNoField = z.object({ ...common, kind: z.literal('yesno') });
const addressField = z.object({ ...common, kind: z.literal('address') });
const fileField = z.object({
  ...common,
  kind: z.literal('file'),
  /** Media types detected from the content (the documents' list); a subset of it. */
  accept: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1),
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024),
  maxPages: z.number().int().min(1).max(500).optional(),
  maxFiles: z.number().int().min(1).max(20).default(1),
});

const simpleField = z.discriminatedUnion('kind', [textField, emailField, dateField, choiceField, yesNoField, addressField]);
const groupField = z.object({
  ...common,
  kind: z.literal('group'),
  /** Repeated entries (family members): each entry has these fields; conditions see the entry's answers too. */
  fields: z.array(simpleField).min(1).max(20),
  maxItems: z.number().int().min(1).max(20).default(10),
});

export const fieldSchema = z.discriminatedUnion('kind', [textField, emailField, dateField, choiceField, yesNoField, addressField, fileField, groupField]);

const step = z.object({ key, fields: z.array(fieldSchema).min(1).max(40) });

export const formDefinitionSchema = z
  .object({
    steps: z.array(step).min(1).max(20),
    /** Which answers identify the person (created or found by name and date of birth at submission). */
    person: z.object({ familyName: key, givenNames: key, birthDate: key, email: key.optional(), nationality: key.optional() }),
    /** Whether the receipt carries the office's note on § 81 (4) AufenthG (text key `receipt_fiktion`). */
    fiktionNote: z.boolean().default(false),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    for (const field of definition.steps.flatMap((s) => s.fields)) {
      if (seen.has(field.key)) ctx.addIssue({ code: 'custom', message: `field key "${field.key}" is used twice` });
      seen.add(field.key);
    }
    for (const [role, fieldKey] of Object.entries(definition.person)) {
      if (fieldKey && !seen.has(fieldKey)) ctx.addIssue({ code: 'custom', message: `person.${role}: no field "${fieldKey}"` });
    }
  });

export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type FormField = z.infer<typeof fieldSchema>;
export type SimpleField = z.infer<typeof simpleField>;
export type FormStep = FormDefinition['steps'][number];

/** Every text key a version needs: the German texts must have each, translations are complete when they have each. */
export function textKeys(definition: FormDefinition): string[] {
  const keys = ['title', 'intro'];
  if (definition.fiktionNote) keys.push('receipt_fiktion');
  const fieldKeys = (field: FormField | SimpleField, prefix: string) => {
    keys.push(`${prefix}${field.key}.label`);
    if (field.kind === 'choice') for (const option of field.options) keys.push(`${prefix}${field.key}.option.${option}`);
    for (const r of field.rules) keys.push(`message.${r.message}`);
    if (field.kind === 'group') for (const sub of field.fields) fieldKeys(sub, `${prefix}${field.key}.`);
  };
  for (const s of definition.steps) {
    keys.push(`step.${s.key}`);
    for (const field of s.fields) fieldKeys(field, 'field.');
  }
  return [...new Set(keys)];
}

/** Help texts are optional: `field.<key>.help` is shown when the texts have it. */
export const helpKey = (labelKey: string) => labelKey.replace(/\.label$/, '.help');

export function allFields(definition: FormDefinition): FormField[] {
  return definition.steps.flatMap((s) => s.fields);
}
