import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CsrfField, StaffForm, currentStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import { can } from '../policy.ts';
import type { hoursOverview, staffWithHours } from './manage-working-hours.ts';

/** The staff whose hours the actor manages. */
export function HoursListPage(props: { c: Context<AppEnv>; staff: Awaited<ReturnType<typeof staffWithHours>> }) {
  const { c, staff } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.nav.hours')}>
      <h1>{t('staff.nav.hours')}</h1>
      <ul>
        {staff.map((s) => (
          <li>
            <a href={`/staff/admin/hours/${s.id}`}>{s.display_name}</a> · {t(`staff.role.${s.role}`)}
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}

/** One staff member's weekly hours, day exceptions and coming absences, each with its form. */
export function HoursPage(props: { c: Context<AppEnv>; staffId: string; hours: Awaited<ReturnType<typeof hoursOverview>> }) {
  const { c, staffId } = props;
  const { staff, zone, template, overrides, absences, locations } = props.hours;
  const t = staffT(c);
  const lang = staffLang(c);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    d,
    name: new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d))),
  }));
  const fmt = (date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  const LocationSelect = (props: { id: string }) => (
    <div>
      <label for={props.id}>{t('staff.location')}</label>
      <select id={props.id} name="locationId" required>
        {locations
          .filter((l) => can(currentStaff(c), 'hours.manage', { locationId: l.id }))
          .map((l) => (
            <option value={l.id}>{l.name}</option>
          ))}
      </select>
    </div>
  );
  const Delete = (props: { action: string; what: string }) => (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField c={c} />{' '}
      <button type="submit" class="link-button">
        {t('staff.delete')}
        <span class="visually-hidden"> {props.what}</span>
      </button>
    </form>
  );
  return (
    <StaffLayout c={c} title={`${t('staff.nav.hours')} · ${staff.display_name}`} wide>
      <h1>{staff.display_name}</h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      {locations.length === 0 ? <p class="error-summary">{t('staff.hours.no_location')}</p> : null}
      <section aria-labelledby="template-h">
        <h2 id="template-h">{t('staff.hours.template')}</h2>
        <ul>
          {template.map((w) => (
            <li>
              {weekdays.find((x) => x.d === w.weekday)?.name} {w.starts.slice(0, 5)}–{w.ends.slice(0, 5)} · {locationName(w.location_id)}
              {w.valid_from || w.valid_until ? ` (${w.valid_from ?? '…'} – ${w.valid_until ?? '…'})` : ''}
              <Delete
                action={`/staff/admin/hours/${staffId}/template/${w.id}/delete`}
                what={`${weekdays.find((x) => x.d === w.weekday)?.name ?? ''} ${w.starts.slice(0, 5)}–${w.ends.slice(0, 5)}`}
              />
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`/staff/admin/hours/${staffId}/template`} submitLabel={t('staff.add')}>
          <LocationSelect id="template-location" />
          <div>
            <label for="weekday">{t('staff.hours.weekday')}</label>
            <select id="weekday" name="weekday">
              {weekdays.map((w) => (
                <option value={String(w.d)}>{w.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="template-starts">{t('staff.hours.starts')}</label>
            <input type="time" id="template-starts" name="starts" required value="07:00" />
          </div>
          <div>
            <label for="template-ends">{t('staff.hours.ends')}</label>
            <input type="time" id="template-ends" name="ends" required value="16:00" />
          </div>
          <div>
            <label for="valid-from">{t('staff.hours.valid_from')}</label>
            <input type="date" id="valid-from" name="validFrom" />
          </div>
          <div>
            <label for="valid-until">{t('staff.hours.valid_until')}</label>
            <input type="date" id="valid-until" name="validUntil" />
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="overrides-h">
        <h2 id="overrides-h">{t('staff.hours.overrides')}</h2>
        <ul>
          {overrides.map((o) => (
            <li>
              {o.day} {o.starts.slice(0, 5)}–{o.ends.slice(0, 5)} · {locationName(o.location_id)}
              <Delete action={`/staff/admin/hours/${staffId}/overrides/${o.id}/delete`} what={`${o.day} ${o.starts.slice(0, 5)}–${o.ends.slice(0, 5)}`} />
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`/staff/admin/hours/${staffId}/overrides`} submitLabel={t('staff.add')}>
          <LocationSelect id="override-location" />
          <div>
            <label for="override-day">{t('staff.hours.day')}</label>
            <input type="date" id="override-day" name="day" required />
          </div>
          <div>
            <label for="override-starts">{t('staff.hours.starts')}</label>
            <input type="time" id="override-starts" name="starts" required />
          </div>
          <div>
            <label for="override-ends">{t('staff.hours.ends')}</label>
            <input type="time" id="override-ends" name="ends" required />
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="absences-h">
        <h2 id="absences-h">{t('staff.hours.absences')}</h2>
        <ul>
          {absences.map((a) => (
            <li>
              <a href={`/staff/admin/absences/${a.id}`}>
                {fmt(a.starts)} – {fmt(a.ends)}
              </a>{' '}
              · {t(`staff.hours.reason_${a.reason}`)} {a.note ? `· ${a.note}` : ''}
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`/staff/admin/hours/${staffId}/absences`} submitLabel={t('staff.hours.add_absence')}>
          <div>
            <label for="absence-from">{t('staff.hours.from')}</label>
            <input type="datetime-local" id="absence-from" name="from" required />
          </div>
          <div>
            <label for="absence-until">{t('staff.hours.until')}</label>
            <input type="datetime-local" id="absence-until" name="until" required />
          </div>
          <div>
            <label for="absence-note">{t('staff.hours.note')}</label>
            <input type="text" id="absence-note" name="note" maxlength={500} />
          </div>
        </StaffForm>
      </section>
    </StaffLayout>
  );
}
