import type { FormStep } from '../form-definition.ts';

type Posted = Record<string, string | File | (string | File)[]>;

const text = (value: Posted[string] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * A step's answers from the posted page, in the stored shape for `checkAnswers`: `a.<key>` for a
 * simple field, `a.<key>.street|postalCode|city` for an address, `a.<group>.<n>.<key>` for an
 * entry of a group. `remove:<group>:<n>` (a button) leaves that entry out. Only the step's own
 * fields are read: anything else posted is ignored.
 */
export function readStepForm(step: FormStep, form: Posted, go: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of step.fields) {
    const name = `a.${field.key}`;
    if (field.kind === 'file') continue;
    if (field.kind === 'address') {
      answers[field.key] = {
        street: text(form[`${name}.street`]) ?? '',
        postalCode: text(form[`${name}.postalCode`]) ?? '',
        city: text(form[`${name}.city`]) ?? '',
      };
    } else if (field.kind === 'group') {
      const removed = go.startsWith(`remove:${field.key}:`) ? Number(go.split(':')[2]) : -1;
      const entries: Record<string, unknown>[] = [];
      for (let index = 0; index <= field.maxItems; index++) {
        const entry: Record<string, unknown> = {};
        let present = false;
        for (const sub of field.fields) {
          const value = text(form[`${name}.${index}.${sub.key}`]);
          if (value !== undefined) present = true;
          entry[sub.key] = sub.kind === 'address' ? undefined : value;
        }
        if (present && index !== removed) entries.push(entry);
      }
      answers[field.key] = entries;
    } else answers[field.key] = text(form[name]);
  }
  return answers;
}
