import { translate } from '../../web/i18n.ts';
import type { Answer, AnswerProblem, Answers, SimpleAnswer } from './answers.ts';
import { isShown } from './answers.ts';
import type { FormDefinition, FormField, SimpleField } from './form-definition.ts';
import type { ReaderTexts } from './form-texts.ts';

/** "17.05.1990", "05.1990" or "1990" from the stored ISO form. */
export function partialDateText(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** One answer as a line of text in the reader's language (review page, receipt, clerk's view). */
export function answerText(lang: string, texts: ReaderTexts, field: FormField | SimpleField, answer: Answer | undefined, prefix = 'field.'): string {
  if (answer === undefined) return '—';
  if (field.kind === 'group') {
    const entries = answer as Record<string, SimpleAnswer>[];
    return entries
      .map(
        (entry, index) =>
          `${index + 1}. ${field.fields
            .filter((sub) => entry[sub.key] !== undefined)
            .map(
              (sub) =>
                `${texts.text(`${prefix}${field.key}.${sub.key}.label`)?.text ?? sub.key}: ${answerText(lang, texts, sub, entry[sub.key], `${prefix}${field.key}.`)}`,
            )
            .join('; ')}`,
      )
      .join('\n');
  }
  const value = answer as SimpleAnswer;
  switch (field.kind) {
    case 'date':
      return partialDateText(String(value));
    case 'yesno':
      return translate(lang, value === true ? 'apply.yes' : 'apply.no');
    case 'choice':
      return texts.text(`${prefix}${field.key}.option.${String(value)}`)?.text ?? String(value);
    case 'address': {
      const address = value as { street: string; postalCode: string; city: string };
      return `${address.street}, ${address.postalCode} ${address.city}`;
    }
    default:
      return String(value);
  }
}

/** The shown, answered fields of the form with their label and answer text, step by step. */
export function answerRows(lang: string, texts: ReaderTexts, definition: FormDefinition, answers: Answers, uploads: ReadonlyMap<string, string[]>) {
  const rows: { step: string; label: string; value: string }[] = [];
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (!isShown(field, answers)) continue;
      const label = texts.text(`field.${field.key}.label`)?.text ?? field.key;
      const value = field.kind === 'file' ? (uploads.get(field.key) ?? []).join(', ') || '—' : answerText(lang, texts, field, answers[field.key]);
      rows.push({ step: texts.text(`step.${step.key}`)?.text ?? step.key, label, value });
    }
  }
  return rows;
}

/** A problem's message in the reader's language: the portal's texts, or the form's own (rules). */
export function problemText(lang: string, texts: ReaderTexts, problem: AnswerProblem): string {
  if (problem.message.startsWith('form:')) return texts.text(problem.message.slice(5))?.text ?? problem.message;
  return translate(lang, problem.message, problem.values);
}
