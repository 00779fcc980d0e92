import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { checkPassword, createStaffAccount } from '../create-staff-account.ts';
import { CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { hashPassword } from '../password.ts';
import { staffRoles } from '../roles.ts';
import { deleteAllSessions } from '../session-store.ts';
import { asArray, auditChange, CheckboxGroup, parseForm, type AdminDeps } from './admin-forms.tsx';

const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());
const accountSchema = z.object({
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  active: checkbox,
  locationIds: z.preprocess(asArray, z.array(z.uuid()).max(50)),
  specialtyIds: z.preprocess(asArray, z.array(z.uuid()).max(100)),
});

const idParam = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'There is no such staff member.');
  return parsed.data;
};

/** Admin: staff accounts, roles, specialties, locations; password and two-factor resets. */
export function staffAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/staff', requireStaff(deps, 'staff.manage'));
  routes.use('/staff/admin/staff/*', requireStaff(deps, 'staff.manage'));

  const choices = () =>
    Promise.all([
      deps.db.selectFrom('location').select(['id', 'name']).orderBy('name').execute(),
      deps.db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute(),
    ]);

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

  routes.get('/staff/admin/staff', async (c) => {
    const t = staffT(c);
    const staff = await deps.db
      .selectFrom('staff')
      .select(['id', 'display_name', 'username', 'role', 'active', 'totp_enabled_at'])
      .orderBy('display_name')
      .execute();
    return c.html(
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
      </StaffLayout>,
    );
  });

  routes.get('/staff/admin/staff/new', async (c) => {
    const t = staffT(c);
    const [locations, specialties] = await choices();
    return c.html(
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
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/staff', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, accountSchema.extend({ username: z.string().trim().max(63), password: z.string().max(200) }));
    const created = await createStaffAccount(deps.db, {
      ...form,
      locationIds: [...new Set(form.locationIds)],
      specialtyIds: [...new Set(form.specialtyIds)],
    }).catch(foreignKeyToValidation);
    if (!form.active) await deps.db.updateTable('staff').set({ active: false }).where('id', '=', created.id).execute();
    await auditChange(deps.db, deps, c, actor, {
      action: 'admin.staff.create',
      target: { type: 'staff', id: created.id },
      after: {
        username: form.username,
        displayName: form.displayName,
        role: form.role,
        active: form.active,
        locationIds: form.locationIds,
        specialtyIds: form.specialtyIds,
      },
    });
    return c.redirect(`/staff/admin/staff/${created.id}?saved=1`, 303);
  });

  routes.get('/staff/admin/staff/:id', async (c) => {
    const t = staffT(c);
    const id = idParam(c.req.param('id'));
    const staff = await deps.db
      .selectFrom('staff')
      .select(['id', 'display_name', 'username', 'role', 'active', 'totp_enabled_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!staff) throw new AppError('not_found', 'There is no such staff member.');
    const [[locations, specialties], linkedLocations, linkedSpecialties] = await Promise.all([
      choices(),
      deps.db.selectFrom('staff_location').select('location_id').where('staff_id', '=', id).execute(),
      deps.db.selectFrom('staff_specialty').select('specialty_id').where('staff_id', '=', id).execute(),
    ]);
    return c.html(
      <StaffLayout c={c} title={staff.display_name}>
        <h1>{staff.display_name}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <p>
          {t('staff.sign_in.username')}: <span class="secret">{staff.username ?? '—'}</span> ·{' '}
          <a href={`/staff/admin/hours/${staff.id}`}>{t('staff.nav.hours')}</a>
        </p>
        <StaffForm c={c} action={`/staff/admin/staff/${id}`} submitLabel={t('staff.save')}>
          <AccountFields
            c={c}
            locations={locations}
            specialties={specialties}
            staff={staff}
            locationIds={linkedLocations.map((r) => r.location_id)}
            specialtyIds={linkedSpecialties.map((r) => r.specialty_id)}
          />
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
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/staff/:id', async (c) => {
    const actor = currentStaff(c);
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, accountSchema);
    if (id === actor.staffId && (form.role !== 'admin' || !form.active))
      throw new AppError('conflict', 'You cannot take away your own admin role or deactivate yourself.');
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const before = await trx.selectFrom('staff').select(['display_name', 'role', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new AppError('not_found', 'There is no such staff member.');
        const beforeLocations = await trx.selectFrom('staff_location').select('location_id').where('staff_id', '=', id).execute();
        const beforeSpecialties = await trx.selectFrom('staff_specialty').select('specialty_id').where('staff_id', '=', id).execute();
        await trx
          .updateTable('staff')
          .set({ display_name: form.displayName, role: form.role, active: form.active, updated_at: deps.clock.now() })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('staff_location').where('staff_id', '=', id).execute();
        await trx.deleteFrom('staff_specialty').where('staff_id', '=', id).execute();
        const locationIds = [...new Set(form.locationIds)];
        const specialtyIds = [...new Set(form.specialtyIds)];
        if (locationIds.length)
          await trx
            .insertInto('staff_location')
            .values(locationIds.map((l) => ({ staff_id: id, location_id: l })))
            .execute();
        if (specialtyIds.length)
          await trx
            .insertInto('staff_specialty')
            .values(specialtyIds.map((s) => ({ staff_id: id, specialty_id: s })))
            .execute();
        if (!form.active) await trx.deleteFrom('staff_session').where('staff_id', '=', id).execute();
        await auditChange(trx, deps, c, actor, {
          action: 'admin.staff.update',
          target: { type: 'staff', id },
          before: { ...before, locationIds: beforeLocations.map((r) => r.location_id), specialtyIds: beforeSpecialties.map((r) => r.specialty_id) },
          after: { display_name: form.displayName, role: form.role, active: form.active, locationIds, specialtyIds },
        });
      })
      .catch(foreignKeyToValidation);
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/password', async (c) => {
    const actor = currentStaff(c);
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ password: z.string().max(200) }));
    checkPassword(form.password);
    const passwordHash = await hashPassword(form.password);
    const updated = await deps.db
      .updateTable('staff')
      .set({ password_hash: passwordHash, updated_at: deps.clock.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('not_found', 'There is no such staff member.');
    if (id !== actor.staffId) await deleteAllSessions(deps.db, id);
    await auditChange(deps.db, deps, c, actor, { action: 'admin.staff.password_set', target: { type: 'staff', id } });
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/reset-two-factor', async (c) => {
    const actor = currentStaff(c);
    const id = idParam(c.req.param('id'));
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('staff')
        .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('not_found', 'There is no such staff member.');
      await trx.deleteFrom('recovery_code').where('staff_id', '=', id).execute();
      await trx.deleteFrom('staff_session').where('staff_id', '=', id).execute();
      await auditChange(trx, deps, c, actor, { action: 'admin.staff.totp_reset', target: { type: 'staff', id } });
    });
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/sign-out', async (c) => {
    const actor = currentStaff(c);
    const id = idParam(c.req.param('id'));
    const count = await deleteAllSessions(deps.db, id);
    await auditChange(deps.db, deps, c, actor, { action: 'admin.staff.sign_out_everywhere', target: { type: 'staff', id }, note: `${count} sessions ended` });
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  return routes;
}

function foreignKeyToValidation(error: unknown): never {
  if ((error as { code?: string }).code === '23503') throw new AppError('validation_failed', 'A chosen location or specialty does not exist.');
  throw error;
}
