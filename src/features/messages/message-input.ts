import { AppError } from '../../shared/app-error.ts';
import { isIsoDay } from '../../web/format.ts';

/** What the citizen may send: a text that fits a note in the file with its heading, up to three files. */
export const messageLimits = { bodyChars: 3500, nameChars: 200, attachments: 3, attachmentBytes: 10 * 1024 * 1024 } as const;

/**
 * Why a message was refused, per field. The portal shows `portal.messages.error.<problem>` in the
 * reader's language; the API sends the problem as the field error's message.
 */
export type MessageProblem =
  | 'name'
  | 'dob'
  | 'email'
  | 'body_empty'
  | 'body_long'
  | 'location'
  | 'procedure'
  | 'lookup'
  | 'attachment_type'
  | 'attachment_empty'
  | 'attachment_large'
  | 'attachment_infected'
  | 'attachments_many';

export type MessageField = 'name' | 'dateOfBirth' | 'email' | 'body' | 'location' | 'procedureNumber' | 'attachments';

export function messageRefused(problems: { field: MessageField; problem: MessageProblem }[]): AppError {
  return new AppError('validation_failed', `The message was not sent: ${problems.map((p) => `${p.field} (${p.problem})`).join(', ')}.`, {
    fieldErrors: problems.map((p) => ({ path: p.field, message: p.problem })),
  });
}

export type MessageDraft = {
  name: string;
  dateOfBirth: string;
  email: string;
  body: string;
  /** General messages: the location written to. */
  locationId?: string | undefined;
  /** Messages about a procedure: its number as typed. */
  procedureNumber?: string | undefined;
};

/** A procedure number as typed (spaces, lower case, with or without dashes) in its stored form, or undefined. */
export function normalizedProcedureNumber(typed: string): string | undefined {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[2-9A-HJKMNP-Z]{10}$/.test(chars)) return undefined;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** A message reference as typed, in its stored form (`N-XXXX-XXXX-XX`), or undefined. */
export function normalizedReference(typed: string): string | undefined {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!/^N[2-9A-HJKMNP-Z]{10}$/.test(chars)) return undefined;
  return `N-${chars.slice(1, 5)}-${chars.slice(5, 9)}-${chars.slice(9)}`;
}

/** Checks the fields of a draft (not the attachments, not whether the procedure exists); throws every problem at once. */
export function checkedDraft(draft: MessageDraft, kind: 'general' | 'procedure'): MessageDraft & { body: string; name: string } {
  const problems: { field: MessageField; problem: MessageProblem }[] = [];
  const name = draft.name.normalize('NFC').trim();
  const body = draft.body.normalize('NFC').replace(/\r\n/g, '\n').trim();
  const email = draft.email.trim();
  if (name.length === 0 || name.length > messageLimits.nameChars) problems.push({ field: 'name', problem: 'name' });
  if (!isIsoDay(draft.dateOfBirth) || draft.dateOfBirth < '1900-01-01') problems.push({ field: 'dateOfBirth', problem: 'dob' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) problems.push({ field: 'email', problem: 'email' });
  if (body.length === 0) problems.push({ field: 'body', problem: 'body_empty' });
  if (body.length > messageLimits.bodyChars) problems.push({ field: 'body', problem: 'body_long' });
  if (kind === 'general' && !/^[0-9a-f-]{36}$/.test(draft.locationId ?? '')) problems.push({ field: 'location', problem: 'location' });
  const number = kind === 'procedure' ? normalizedProcedureNumber(draft.procedureNumber ?? '') : undefined;
  if (kind === 'procedure' && !number) problems.push({ field: 'procedureNumber', problem: 'procedure' });
  if (problems.length > 0) throw messageRefused(problems);
  return { ...draft, name, body, email, procedureNumber: number };
}
