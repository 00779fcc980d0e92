import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { fieldErrorsOf } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { recordAudit } from '../audit.ts';
import { clientIp, currentStaff } from '../http/staff-auth.tsx';
import type { StaffActor } from '../roles.ts';
import type { AdminDeps, ChangeContext } from './change-context.ts';

export type { AdminDeps } from './change-context.ts';

/**
 * A posted form as typed: strings, or lists for repeated names; without the CSRF token. Each value
 * is cut at 25,000 characters (no field takes more; validation then names the field that is too long).
 */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 25_000));
    else if (typeof value === 'string') values[key] = value.slice(0, 25_000);
  }
  return values;
}

/** Reads a posted form (all values as strings or string arrays) and validates it with zod. */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    values[key] = Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'string' ? value : undefined;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new AppError('validation_failed', 'Some fields are not valid.', { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

/** Every admin change goes to the audit trail with the state before and after, in the same transaction. */
export function auditChange(
  db: Parameters<typeof recordAudit>[0],
  deps: AdminDeps,
  c: Context<AppEnv>,
  actor: StaffActor,
  entry: { action: string; target: { type: string; id: string }; before?: unknown; after?: unknown; note?: string },
) {
  return recordAudit(db, deps.clock, { actor, screen: `${c.req.method} ${c.req.path}`, ip: clientIp(c), ...entry });
}

/** The signed-in staff member, screen and address a use case authorizes and audits with. */
export function changeContext(c: Context<AppEnv>): ChangeContext {
  return { actor: currentStaff(c), screen: `${c.req.method} ${c.req.path}`.slice(0, 200), ip: clientIp(c) };
}

/** A route parameter that must be a UUID; anything else is simply not there. */
export function idParam(value: string | undefined, message = 'Not found.'): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', message);
  return parsed.data;
}

const uuid = z.uuid();

export const asArray = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);

export function ErrorList(props: { messages: string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <ul>
        {props.messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** A fieldset of checkboxes, one per option, e.g. the locations or specialties of a service or a person. */
export function CheckboxGroup(props: { legend: string; name: string; options: { id: string; name: string }[]; checked: string[] | undefined }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label class="check">
          <input type="checkbox" name={props.name} value={option.id} checked={props.checked?.includes(option.id) ?? false} /> {option.name}
        </label>
      ))}
    </fieldset>
  );
}
