import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CsrfField, StaffForm } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { staffRoles } from '../roles.ts';
import { CheckboxGroup } from './admin-forms.tsx';
import type { staffAccount, staffAccounts } from './manage-staff-accounts.ts';

type Choice = { id: string; name: string };

function AccountFields(props: {
  c: Context<AppEnv>;
  locations: { id: string; name: string }[];
  specialties: { id: string; name: string }[];
  staff?: { display_name: string; role: string; active: boolean };
  locationIds?: string[];
  specialtyIds?: string[];
}) {
  const t = staffT(props.c);
  return (
    <>
      <div>
        <label for="display-name">{t('staff.name')}</label>
        <input type="text" id="display-name" name="displayName" required maxlength={200} value={props.staff?.display_name ?? ''} />
      </div>
      <div>
        <label for="role">{t('staff.role')}</label>
        <select id="role" name="role">
          {staffRoles.map((r) => (
            <option value={r} selected={props.staff?.role === r}>
              {t(`staff.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name="active" checked={props.staff?.active ?? true} /> {t('staff.active')}
      </label>
      <CheckboxGroup legend={t('staff.nav.locations')} name="locationIds" options={props.locations} checked={props.locationIds} />
      <CheckboxGroup legend={t('staff.nav.specialties')} name="specialtyIds" options={props.specialties} checked={props.specialtyIds} />
    </>
  );
}

export function StaffAccountsPage(props: { c: Context<AppEnv>; staff: Awaited<ReturnType<typeof staffAccounts>> }) {
  const { c, staff } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.accounts.title')} wide>
      <h1>{t('staff.accounts.title')}</h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      <p>
        <a class="button" href="/staff/admin/staff/new">
          {t('staff.accounts.new')}
        </a>
      </p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.sign_in.username')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.status')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr>
              <td>
                <a href={`/staff/admin/staff/${s.id}`}>{s.display_name}</a>
              </td>
              <td>{s.username ?? '—'}</td>
              <td>{t(`staff.role.${s.role}`)}</td>
              <td>
                {s.active ? t('staff.active') : t('staff.inactive')}
                {s.totp_enabled_at ? ` · ${t('staff.accounts.totp_on')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffLayout>
  );
}

export function NewStaffAccountPage(props: { c: Context<AppEnv>; locations: Choice[]; specialties: Choice[] }) {
  const { c, locations, specialties } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.accounts.new')}>
      <h1>{t('staff.accounts.new')}</h1>
      <StaffForm c={c} action="/staff/admin/staff" submitLabel={t('staff.create')}>
        <div>
          <label for="username">{t('staff.sign_in.username')}</label>
          <input type="text" id="username" name="username" required maxlength={63} autocomplete="off" />
        </div>
        <div>
          <label for="password">{t('staff.accounts.initial_password')}</label>
          <p class="hint" id="password-hint">
            {t('staff.accounts.password_hint')}
          </p>
          <input
            type="password"
            id="password"
            name="password"
            required
            minlength={12}
            maxlength={200}
            autocomplete="new-password"
            aria-describedby="password-hint"
          />
        </div>
        <AccountFields c={c} locations={locations} specialties={specialties} />
      </StaffForm>
    </StaffLayout>
  );
}

export function StaffAccountPage(props: { c: Context<AppEnv>; id: string; view: Awaited<ReturnType<typeof staffAccount>> }) {
  const { c, id } = props;
  const { account: staff, locations, specialties } = props.view;
  const linkedLocations = props.view.locationIds;
  const linkedSpecialties = props.view.specialtyIds;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={staff.display_name}>
      <h1>{staff.display_name}</h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      <p>
        {t('staff.sign_in.username')}: <span class="secret">{staff.username ?? '—'}</span> ·{' '}
        <a href={`/staff/admin/hours/${staff.id}`}>{t('staff.nav.hours')}</a>
      </p>
      <StaffForm c={c} action={`/staff/admin/staff/${id}`} submitLabel={t('staff.save')}>
        <AccountFields c={c} locations={locations} specialties={specialties} staff={staff} locationIds={linkedLocations} specialtyIds={linkedSpecialties} />
      </StaffForm>
      <h2>{t('staff.accounts.new_password')}</h2>
      <StaffForm c={c} action={`/staff/admin/staff/${id}/password`} submitLabel={t('staff.accounts.set_password')}>
        <div>
          <label for="new-password">{t('staff.accounts.new_password')}</label>
          <input type="password" id="new-password" name="password" required minlength={12} maxlength={200} autocomplete="new-password" />
        </div>
      </StaffForm>
      <h2>{t('staff.accounts.more')}</h2>
      {staff.totp_enabled_at ? (
        <form method="post" action={`/staff/admin/staff/${id}/reset-two-factor`}>
          <CsrfField c={c} />
          <button type="submit" class="button">
            {t('staff.accounts.reset_totp')}
          </button>
        </form>
      ) : null}
      <form method="post" action={`/staff/admin/staff/${id}/sign-out`}>
        <CsrfField c={c} />
        <button type="submit" class="link-button">
          {t('staff.home.sign_out_everywhere')}
        </button>
      </form>
    </StaffLayout>
  );
}
