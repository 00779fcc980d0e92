import jsonLogic from 'json-logic-js';
import { parsePartialDate } from '../case-files/index.ts';
import type { FormDefinition, FormField, FormStep, SimpleField } from './form-definition.ts';

/**
 * Answers as stored (`application.answers`) and as the API sends them: text and e-mail as strings,
 * a date as ISO "1990", "1990-05" or "1990-05-17", a choice as its option key, yes/no as a boolean,
 * an address as { street, postalCode, city }, a group as a list of entries. Files are not answers:
 * they are the application's uploads.
 */
export type Address = { street: string; postalCode: string; city: string };
export type SimpleAnswer = string | boolean | Address;
export type Answer = SimpleAnswer | Record<string, SimpleAnswer>[];
export type Answers = Record<string, Answer>;

/** A problem with an answer: where (`field`, `group.0.sub`) and the text key of the message. */
export type AnswerProblem = { path: string; message: string; values?: Record<string, string | number> };

const isoDate = (date: { year: number; month: number | null; day: number | null }) =>
  [String(date.year), date.month === null ? null : String(date.month).padStart(2, '0'), date.day === null ? null : String(date.day).padStart(2, '0')]
    .filter((part) => part !== null)
    .join('-');

/** Whether the field is asked, given the answers so far (and, inside a group, the entry's). */
export function isShown(field: FormField | SimpleField, data: Record<string, unknown>): boolean {
  return field.showIf === undefined || Boolean(jsonLogic.apply(field.showIf, data));
}

function isRequired(field: FormField | SimpleField, data: Record<string, unknown>): boolean {
  return field.required || (field.requireIf !== undefined && Boolean(jsonLogic.apply(field.requireIf, data)));
}

type Coerced = { value?: SimpleAnswer | Record<string, SimpleAnswer>[]; problem?: string };

/** One simple answer in its stored shape; undefined when left empty. */
function coerceSimple(field: SimpleField, raw: unknown, today: string): Coerced {
  if (raw === undefined || raw === null || raw === '') return {};
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string') return { problem: 'apply.error.invalid' };
      const text = raw.normalize('NFC').trim();
      if (text === '') return {};
      if (text.length > field.maxLength) return { problem: 'apply.error.too_long' };
      return { value: text };
    }
    case 'email': {
      if (typeof raw !== 'string') return { problem: 'apply.error.invalid' };
      const text = raw.trim();
      if (text === '') return {};
      return /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/.test(text) ? { value: text } : { problem: 'apply.error.email' };
    }
    case 'date': {
      if (typeof raw !== 'string') return { problem: 'apply.error.invalid' };
      const parsed = parsePartialDate(raw);
      if (!parsed.ok) return { problem: 'apply.error.date' };
      if (!parsed.date) return {};
      if (!field.partial && (parsed.date.month === null || parsed.date.day === null)) return { problem: 'apply.error.date_full' };
      const value = isoDate(parsed.date);
      // Partial dates compare by their known part: "2026" is not after any day of 2026.
      if (field.range === 'past' && value > today.slice(0, value.length)) return { problem: 'apply.error.date_future' };
      if (field.range === 'future' && value < today.slice(0, value.length)) return { problem: 'apply.error.date_past' };
      return { value };
    }
    case 'choice':
      if (typeof raw !== 'string' || !field.options.includes(raw)) return { problem: 'apply.error.invalid' };
      return { value: raw };
    case 'yesno':
      if (raw === true || raw === 'yes') return { value: true };
      if (raw === false || raw === 'no') return { value: false };
      return { problem: 'apply.error.invalid' };
    case 'address': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return { problem: 'apply.error.invalid' };
      const parts = raw as Record<string, unknown>;
      const part = (name: string) => (typeof parts[name] === 'string' ? (parts[name] as string).normalize('NFC').trim() : '');
      const address = { street: part('street'), postalCode: part('postalCode'), city: part('city') };
      if (!address.street && !address.postalCode && !address.city) return {};
      if (!address.street || !address.city || !/^[0-9A-Za-z -]{2,10}$/.test(address.postalCode)) return { problem: 'apply.error.address' };
      if (address.street.length > 200 || address.city.length > 200) return { problem: 'apply.error.too_long' };
      return { value: address };
    }
  }
}

/**
 * Checks and normalizes the answers of some steps: every answer of a shown field in its shape, every
 * required one given, every rule true. Answers of fields that are not shown — hidden by a condition,
 * or not in the form at all — are dropped, never stored: a tampered hidden field changes nothing.
 */
export function checkAnswers(
  _definition: FormDefinition,
  steps: readonly FormStep[],
  raw: Record<string, unknown>,
  context: { today: string; uploads: ReadonlyMap<string, number>; earlier: Answers },
): { answers: Answers; problems: AnswerProblem[] } {
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  // Conditions see the earlier steps' answers and this step's, as given so far.
  const data: Record<string, unknown> = { ...context.earlier };
  for (const step of steps) {
    for (const field of step.fields) {
      delete data[field.key];
      if (!isShown(field, data)) continue;
      if (field.kind === 'file') {
        if (isRequired(field, data) && !context.uploads.get(field.key)) problems.push({ path: field.key, message: 'apply.error.file_required' });
        continue;
      }
      if (field.kind === 'group') {
        const entries = checkGroup(field, raw[field.key], data, context.today, problems);
        if (entries.length) answers[field.key] = entries;
        else if (isRequired(field, data)) problems.push({ path: field.key, message: 'apply.error.required' });
        data[field.key] = entries;
        continue;
      }
      const coerced = coerceSimple(field, raw[field.key], context.today);
      if (coerced.problem) problems.push({ path: field.key, message: coerced.problem, ...maxLength(field) });
      else if (coerced.value === undefined) {
        if (isRequired(field, data)) problems.push({ path: field.key, message: 'apply.error.required' });
      } else {
        answers[field.key] = coerced.value;
        data[field.key] = coerced.value;
      }
    }
    for (const field of step.fields) {
      if (!(field.key in answers)) continue;
      for (const r of field.rules) if (!jsonLogic.apply(r.if, data)) problems.push({ path: field.key, message: `form:message.${r.message}` });
    }
  }
  return { answers, problems };
}

const maxLength = (field: SimpleField) => (field.kind === 'text' ? { values: { max: field.maxLength } } : {});

function checkGroup(
  field: Extract<FormField, { kind: 'group' }>,
  raw: unknown,
  outer: Record<string, unknown>,
  today: string,
  problems: AnswerProblem[],
): Record<string, SimpleAnswer>[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path: field.key, message: 'apply.error.invalid' });
    return [];
  }
  if (raw.length > field.maxItems) problems.push({ path: field.key, message: 'apply.error.too_many', values: { max: field.maxItems } });
  const entries: Record<string, SimpleAnswer>[] = [];
  raw.slice(0, field.maxItems).forEach((rawEntry, index) => {
    const source = typeof rawEntry === 'object' && rawEntry !== null ? (rawEntry as Record<string, unknown>) : {};
    const entry: Record<string, SimpleAnswer> = {};
    const data = { ...outer, ...entry };
    const entryProblems: AnswerProblem[] = [];
    for (const sub of field.fields) {
      if (!isShown(sub, data)) continue;
      const coerced = coerceSimple(sub, source[sub.key], today);
      const path = `${field.key}.${index}.${sub.key}`;
      if (coerced.problem) entryProblems.push({ path, message: coerced.problem, ...maxLength(sub) });
      else if (coerced.value === undefined) {
        if (isRequired(sub, data)) entryProblems.push({ path, message: 'apply.error.required' });
      } else {
        entry[sub.key] = coerced.value as SimpleAnswer;
        data[sub.key] = coerced.value;
      }
    }
    // An entry left wholly empty (the spare row of a page) is no entry.
    if (Object.keys(entry).length === 0 && entryProblems.every((p) => p.message === 'apply.error.required')) return;
    problems.push(...entryProblems);
    entries.push(entry);
  });
  return entries;
}

/** The steps whose fields are shown at all (a step whose every field is hidden is skipped). */
export function shownSteps(definition: FormDefinition, answers: Answers): FormStep[] {
  return definition.steps.filter((step) => step.fields.some((field) => isShown(field, answersBefore(definition, step, answers))));
}

/** The answers of the steps before `step`: what its conditions may look at. */
export function answersBefore(definition: FormDefinition, step: FormStep, answers: Answers): Answers {
  const before: Answers = {};
  for (const s of definition.steps) {
    if (s === step) break;
    for (const field of s.fields) if (field.key in answers) before[field.key] = answers[field.key] as Answer;
  }
  return before;
}
