import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { createApiToken, createDevice, revokeApiToken, revokeDevice } from '../api-tokens.ts';
import { CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { deviceKinds, staffRoles } from '../roles.ts';
import { listLockedAccounts } from '../sign-in-throttle.ts';
import { asArray, auditChange, parseForm, type AdminDeps } from './admin-forms.tsx';

const uuid = z.uuid();

/** Admin: mandatory two-factor per role, locked accounts, personal API tokens, kiosk/display devices. */
export function securityAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/security', requireStaff(deps, 'security.manage'));
  routes.use('/staff/admin/security/*', requireStaff(deps, 'security.manage'));

  routes.get('/staff/admin/security', (c) => securityPage(c));

  async function securityPage(c: Context<AppEnv>, secret?: string) {
    const t = staffT(c);
    const [roleSettings, locked, tokens, devices, locations] = await Promise.all([
      deps.db.selectFrom('role_setting').selectAll().orderBy('role').execute(),
      listLockedAccounts(deps.db, deps.clock),
      deps.db
        .selectFrom('api_token')
        .innerJoin('staff', 'staff.id', 'api_token.staff_id')
        .select([
          'api_token.id',
          'api_token.name',
          'api_token.role',
          'api_token.created_at',
          'api_token.revoked_at',
          'api_token.last_used_at',
          'staff.username',
        ])
        .orderBy('api_token.created_at', 'desc')
        .execute(),
      deps.db
        .selectFrom('device')
        .innerJoin('location', 'location.id', 'device.location_id')
        .select(['device.id', 'device.kind', 'device.name', 'device.revoked_at', 'location.name as location_name'])
        .orderBy('device.name')
        .execute(),
      deps.db.selectFrom('location').select(['id', 'name']).orderBy('name').execute(),
    ]);
    return c.html(
      <StaffLayout c={c} title={t('staff.security.title')} wide>
        <h1>{t('staff.security.title')}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <section aria-labelledby="roles-h">
          <h2 id="roles-h">{t('staff.security.totp_roles')}</h2>
          <StaffForm c={c} action="/staff/admin/security/roles" submitLabel={t('staff.save')}>
            <fieldset>
              <legend>{t('staff.security.totp_required_for')}</legend>
              {roleSettings.map((r) => (
                <label class="check">
                  <input type="checkbox" name="totpRequired" value={r.role} checked={r.totp_required} /> {t(`staff.role.${r.role}`)}
                </label>
              ))}
            </fieldset>
          </StaffForm>
        </section>

        <section aria-labelledby="locked-h">
          <h2 id="locked-h">{t('staff.security.locked')}</h2>
          {locked.length === 0 ? <p>{t('staff.security.none_locked')}</p> : null}
          <ul>
            {locked.map((row) => (
              <li>
                <span class="secret">{row.key}</span> ({row.failures}){' '}
                <form method="post" action="/staff/admin/security/unlock" class="inline-form">
                  <CsrfField c={c} />
                  <input type="hidden" name="key" value={row.key} />
                  <button type="submit" class="link-button">
                    {t('staff.security.unlock')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="tokens-h">
          <h2 id="tokens-h">{t('staff.security.tokens')}</h2>
          {secret ? (
            <div class="notice" role="status">
              <p>{t('staff.security.token_once')}</p>
              <p class="secret">{secret}</p>
            </div>
          ) : null}
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.security.owner')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr>
                  <td>{tok.name}</td>
                  <td>{tok.username}</td>
                  <td>{t(`staff.role.${tok.role}`)}</td>
                  <td>{tok.revoked_at ? t('staff.security.revoked') : t('staff.security.active')}</td>
                  <td>
                    {tok.revoked_at ? null : (
                      <form method="post" action="/staff/admin/security/tokens/revoke">
                        <CsrfField c={c} />
                        <input type="hidden" name="id" value={tok.id} />
                        <button type="submit" class="link-button">
                          {t('staff.security.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('staff.security.new_token')}</h3>
          <StaffForm c={c} action="/staff/admin/security/tokens" submitLabel={t('staff.create')}>
            <div>
              <label for="token-name">{t('staff.name')}</label>
              <input type="text" id="token-name" name="name" required maxlength={100} />
            </div>
            <div>
              <label for="token-role">{t('staff.role')}</label>
              <select id="token-role" name="role">
                {staffRoles.map((r) => (
                  <option value={r}>{t(`staff.role.${r}`)}</option>
                ))}
              </select>
            </div>
          </StaffForm>
        </section>

        <section aria-labelledby="devices-h">
          <h2 id="devices-h">{t('staff.security.devices')}</h2>
          <ul>
            {devices.map((d) => (
              <li>
                {d.name} · {t(`staff.role.${d.kind}`)} · {d.location_name} {d.revoked_at ? `· ${t('staff.security.revoked')}` : null}
                {d.revoked_at ? null : (
                  <form method="post" action="/staff/admin/security/devices/revoke" class="inline-form">
                    <CsrfField c={c} />
                    <input type="hidden" name="id" value={d.id} />{' '}
                    <button type="submit" class="link-button">
                      {t('staff.security.revoke')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <h3>{t('staff.security.new_device')}</h3>
          <StaffForm c={c} action="/staff/admin/security/devices" submitLabel={t('staff.create')}>
            <div>
              <label for="device-name">{t('staff.name')}</label>
              <input type="text" id="device-name" name="name" required maxlength={100} />
            </div>
            <div>
              <label for="device-kind">{t('staff.security.device_kind')}</label>
              <select id="device-kind" name="kind">
                {deviceKinds.map((k) => (
                  <option value={k}>{t(`staff.role.${k}`)}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="device-location">{t('staff.location')}</label>
              <select id="device-location" name="locationId">
                {locations.map((l) => (
                  <option value={l.id}>{l.name}</option>
                ))}
              </select>
            </div>
          </StaffForm>
        </section>
      </StaffLayout>,
    );
  }

  routes.post('/staff/admin/security/roles', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ totpRequired: z.preprocess(asArray, z.array(z.enum(staffRoles)).max(4)) }));
    await deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('role_setting').selectAll().orderBy('role').forUpdate().execute();
      for (const role of staffRoles)
        await trx
          .updateTable('role_setting')
          .set({ totp_required: form.totpRequired.includes(role) })
          .where('role', '=', role)
          .execute();
      const after = await trx.selectFrom('role_setting').selectAll().orderBy('role').execute();
      await auditChange(trx, deps, c, actor, { action: 'admin.role_settings.update', target: { type: 'role_setting', id: '*' }, before, after });
    });
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/unlock', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ key: z.string().min(1).max(200) }));
    const deleted = await deps.db.deleteFrom('sign_in_throttle').where('key', '=', form.key).returningAll().executeTakeFirst();
    if (!deleted) throw new AppError('not_found', 'This lock does not exist (any more).');
    await auditChange(deps.db, deps, c, actor, { action: 'admin.lock.lift', target: { type: 'sign_in_throttle', id: form.key }, before: deleted });
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/tokens', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(100), role: z.enum(staffRoles) }));
    const created = await createApiToken(deps, { staffId: actor.staffId, name: form.name, role: form.role });
    await auditChange(deps.db, deps, c, actor, {
      action: 'admin.api_token.create',
      target: { type: 'api_token', id: created.id },
      after: { name: form.name, role: form.role },
    });
    // Shown once, in this response only (not in a URL); it is never stored in clear.
    c.status(201);
    return securityPage(c, created.token);
  });

  routes.post('/staff/admin/security/tokens/revoke', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ id: uuid }));
    if (!(await revokeApiToken(deps, form.id))) throw new AppError('not_found', 'This token does not exist or is already revoked.');
    await auditChange(deps.db, deps, c, actor, { action: 'admin.api_token.revoke', target: { type: 'api_token', id: form.id } });
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/devices', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(100), kind: z.enum(deviceKinds), locationId: uuid }));
    const created = await createDevice(deps, form);
    await auditChange(deps.db, deps, c, actor, { action: 'admin.device.create', target: { type: 'device', id: created.id }, after: form });
    c.status(201);
    return securityPage(c, created.token);
  });

  routes.post('/staff/admin/security/devices/revoke', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, z.object({ id: uuid }));
    if (!(await revokeDevice(deps, form.id))) throw new AppError('not_found', 'This device does not exist or is already revoked.');
    await auditChange(deps.db, deps, c, actor, { action: 'admin.device.revoke', target: { type: 'device', id: form.id } });
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  return routes;
}
