import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import { auditChange, parseForm, type AdminDeps } from './admin-forms.tsx';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00');
const idParam = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'Not found.');
  return parsed.data;
};

/**
 * Admin: a location's walk-in hours (location_opening_hours), the one place the portal's "without
 * appointment" hours come from. Appointment times are not entered here: they follow from the
 * clerks' working hours.
 */
export function walkInAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/locations/:id/walk-in', requireStaff(deps, 'office.manage'));
  routes.use('/staff/admin/locations/:id/walk-in/*', requireStaff(deps, 'office.manage'));

  async function locationOf(id: string) {
    const location = await deps.db.selectFrom('location').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!location) throw new AppError('not_found', 'There is no such location.');
    return location;
  }

  routes.get('/staff/admin/locations/:id/walk-in', async (c) => {
    const t = staffT(c);
    const location = await locationOf(idParam(c.req.param('id')));
    const hours = await deps.db
      .selectFrom('location_opening_hours')
      .selectAll()
      .where('location_id', '=', location.id)
      .orderBy('weekday')
      .orderBy('opens')
      .execute();
    const lang = staffLang(c);
    const weekday = (d: number) => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)));
    const base = `/staff/admin/locations/${location.id}/walk-in`;
    return c.html(
      <StaffLayout c={c} title={`${t('staff.office.walk_in_hours')} · ${location.name}`}>
        <h1>
          {t('staff.office.walk_in_hours')}: {location.name}
        </h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <p class="hint">{t('staff.office.walk_in_hint')}</p>
        <ul>
          {hours.map((h) => (
            <li>
              {weekday(h.weekday)} {h.opens.slice(0, 5)}–{h.closes.slice(0, 5)}
              <form method="post" action={`${base}/${h.weekday}/${h.opens.slice(0, 5)}/delete`} class="inline-form">
                <CsrfField c={c} />{' '}
                <button type="submit" class="link-button">
                  {t('staff.delete')}
                  <span class="visually-hidden">
                    {' '}
                    {weekday(h.weekday)} {h.opens.slice(0, 5)}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={base} submitLabel={t('staff.add')}>
          <div>
            <label for="walk-in-weekday">{t('staff.hours.weekday')}</label>
            <select id="walk-in-weekday" name="weekday">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option value={String(d)}>{weekday(d)}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="walk-in-opens">{t('staff.hours.starts')}</label>
            <input type="time" id="walk-in-opens" name="opens" required value="08:00" />
          </div>
          <div>
            <label for="walk-in-closes">{t('staff.hours.ends')}</label>
            <input type="time" id="walk-in-closes" name="closes" required value="12:00" />
          </div>
        </StaffForm>
        <p>
          <a href={`/staff/admin/locations/${location.id}`}>{t('staff.back')}</a>
        </p>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/locations/:id/walk-in', async (c) => {
    const location = await locationOf(idParam(c.req.param('id')));
    const form = await parseForm(c, z.object({ weekday: z.coerce.number().int().min(1).max(7), opens: time, closes: time }));
    if (form.opens >= form.closes)
      throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'closes', message: 'not after start' }] });
    await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('location_opening_hours')
        .values({ location_id: location.id, weekday: form.weekday, opens: form.opens, closes: form.closes })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === '23505') throw new AppError('conflict', 'These walk-in hours exist already.');
          throw error;
        });
      await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.walk_in_hours.add', target: { type: 'location', id: location.id }, after: row });
    });
    return c.redirect(`/staff/admin/locations/${location.id}/walk-in?saved=1`, 303);
  });

  routes.post('/staff/admin/locations/:id/walk-in/:weekday/:opens/delete', async (c) => {
    const location = await locationOf(idParam(c.req.param('id')));
    const weekday = z.coerce.number().int().min(1).max(7).safeParse(c.req.param('weekday'));
    const opens = time.safeParse(c.req.param('opens'));
    if (!weekday.success || !opens.success) throw new AppError('not_found', 'Not found.');
    await deps.db.transaction().execute(async (trx) => {
      const before = await trx
        .deleteFrom('location_opening_hours')
        .where('location_id', '=', location.id)
        .where('weekday', '=', weekday.data)
        .where('opens', '=', opens.data)
        .returningAll()
        .executeTakeFirst();
      if (!before) throw new AppError('not_found', 'These walk-in hours do not exist (any more).');
      await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.walk_in_hours.delete', target: { type: 'location', id: location.id }, before });
    });
    return c.redirect(`/staff/admin/locations/${location.id}/walk-in?saved=1`, 303);
  });

  return routes;
}
