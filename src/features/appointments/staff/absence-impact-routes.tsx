import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { changeContext, idParam, Notice, parseForm, requireStaff, StaffForm, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import type { NotifyingDeps } from '../notified-changes.ts';
import { cancelForAbsence, moveForAbsence, reviewAbsenceImpact } from './review-absence-impact.ts';

/** Team leads and administrators: what a clerk's absence hits, and moving or cancelling each appointment. */
export function absenceImpactRoutes(deps: NotifyingDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/absences/*', requireStaff(deps, 'hours.manage'));

  routes.get('/staff/admin/absences/:absenceId', async (c) => {
    const absenceId = idParam(c.req.param('absenceId'));
    return c.html(<AbsenceImpactPage c={c} absenceId={absenceId} review={await reviewAbsenceImpact(deps, changeContext(c), absenceId)} />);
  });

  routes.post('/staff/admin/absences/:absenceId/move', async (c) => {
    const absenceId = idParam(c.req.param('absenceId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), toStaffId: z.uuid() }));
    await moveForAbsence(deps, changeContext(c), absenceId, form);
    return c.redirect(`/staff/admin/absences/${absenceId}?done=1`, 303);
  });

  routes.post('/staff/admin/absences/:absenceId/cancel', async (c) => {
    const absenceId = idParam(c.req.param('absenceId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), note: z.string().trim().max(500).default('') }));
    await cancelForAbsence(deps, changeContext(c), absenceId, form);
    return c.redirect(`/staff/admin/absences/${absenceId}?done=1`, 303);
  });

  return routes;
}

function AbsenceImpactPage(props: { c: Context<AppEnv>; absenceId: string; review: Awaited<ReturnType<typeof reviewAbsenceImpact>> }) {
  const { c, absenceId } = props;
  const { absence, staff, affected } = props.review;
  const t = staffT(c);
  const lang = staffLang(c);
  const fmt = (date: Date, zone: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  return (
    <StaffLayout c={c} title={t('staff.absence.title')} wide>
      <h1>
        {t('staff.absence.title')}: {staff.display_name}
      </h1>
      <Notice text={c.req.query('done') ? t('staff.saved') : undefined} />
      {affected.length === 0 ? (
        <p>{t('staff.absence.none_affected')}</p>
      ) : (
        <>
          <p>{t('staff.absence.affected', { n: affected.length })}</p>
          <ul class="affected">
            {affected.map(({ appointment: a, alternatives }) => (
              <li>
                <h2>
                  {fmt(a.starts_at, a.time_zone)} · {a.service_name} · {a.person_name} <span class="ltr">({a.code})</span>
                </h2>
                {alternatives.length ? (
                  <StaffForm c={c} action={`/staff/admin/absences/${absenceId}/move`} submitLabel={t('staff.absence.move')}>
                    <input type="hidden" name="appointmentId" value={a.id} />
                    <div>
                      <label for={`to-${a.id}`}>{t('staff.absence.move_to')}</label>
                      <select id={`to-${a.id}`} name="toStaffId">
                        {alternatives.map((clerk) => (
                          <option value={clerk.id}>{clerk.display_name}</option>
                        ))}
                      </select>
                    </div>
                  </StaffForm>
                ) : (
                  <p>{t('staff.absence.no_alternative')}</p>
                )}
                <StaffForm c={c} action={`/staff/admin/absences/${absenceId}/cancel`} submitLabel={t('staff.absence.cancel')}>
                  <input type="hidden" name="appointmentId" value={a.id} />
                  <div>
                    <label for={`note-${a.id}`}>{t('staff.absence.message')}</label>
                    <input type="text" id={`note-${a.id}`} name="note" maxlength={500} />
                  </div>
                </StaffForm>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/staff/admin/hours/${absence.staff_id}`}>{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}
