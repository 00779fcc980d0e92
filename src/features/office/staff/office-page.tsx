import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { clientIp, CsrfField, currentStaff, Notice, requireStaff, StaffLayout, staffLang, staffT, type Action } from '../../staff/index.ts';
import type { OfficeChange, OfficeDeps } from '../office-change.ts';

/**
 * What the office's staff pages share: the guard, the change context, id parameters, form fields, and the frame
 * of a page about one location (walk-in hours, closures) with its inline delete buttons.
 */

/** Only staff whom the policy allows the action reach these paths; refusals are audited. */
export function guard(routes: Hono<AppEnv>, deps: OfficeDeps, action: Action, paths: string[]): void {
  for (const path of paths) routes.use(path, requireStaff(deps, action));
}

/** The signed-in staff member, screen and address the office's use cases authorize and audit with. */
export function officeChange(c: Context<AppEnv>): OfficeChange {
  return { actor: currentStaff(c), screen: `${c.req.method} ${c.req.path}`.slice(0, 200), ip: clientIp(c) };
}

const uuid = z.uuid();

/** A route parameter that must be a UUID; anything else is simply not there. */
export function idParam(value: string | undefined, message = 'Not found.'): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', message);
  return parsed.data;
}

export const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a–z, 0–9 and "-", at most 63 characters');

export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00');

/** After a change the page shows "saved". */
export const savedAt = (c: Context<AppEnv>, path: string) => c.redirect(`${path}?saved=1`, 303);

export function weekdayName(c: Context<AppEnv>, isoWeekday: number): string {
  return new Intl.DateTimeFormat(staffLang(c), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** A page about one location: heading with its name, the "saved" notice, and the way back. */
export function LocationPage(props: { c: Context<AppEnv>; heading: string; location: { name: string }; back: string; wide?: boolean; children: Child }) {
  const { c, heading, location } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={`${heading} · ${location.name}`} wide={props.wide}>
      <h1>
        {heading}: {location.name}
      </h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      {props.children}
      <p>
        <a href={props.back}>{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}

/** A delete button inside a list entry; `what` tells screen readers which entry goes. */
export function DeleteButton(props: { c: Context<AppEnv>; action: string; what: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField c={props.c} />{' '}
      <button type="submit" class="link-button">
        {staffT(props.c)('staff.delete')}
        <span class="visually-hidden"> {props.what}</span>
      </button>
    </form>
  );
}

/** The problem with one field after a failed save, referenced by the field's aria-describedby. */
export function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.message}
    </p>
  ) : null;
}
