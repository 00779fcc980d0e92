import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CsrfField, StaffForm } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { deviceKinds, staffRoles } from '../roles.ts';
import type { securityOverview } from './manage-security.ts';
import type { signInPolicy } from '../sso/require-single-sign-on.ts';

type SignInState = Awaited<ReturnType<typeof signInPolicy>> & { issuer: string | undefined };

/** The security page; `secret`: a token just created, shown this once. */
export function SecurityPage(props: {
  c: Context<AppEnv>;
  overview: Awaited<ReturnType<typeof securityOverview>>;
  signIn: SignInState;
  secret?: string | undefined;
}) {
  const { c, secret, signIn } = props;
  const { roleSettings, locked, tokens, devices, locations } = props.overview;
  const t = staffT(c);
  return (
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

      <section aria-labelledby="sso-h">
        <h2 id="sso-h">{t('staff.security.sso')}</h2>
        <p>{signIn.issuer ? t('staff.security.sso_configured', { issuer: signIn.issuer }) : t('staff.security.sso_not_configured')}</p>
        {signIn.issuer || signIn.ssoRequired ? (
          <StaffForm c={c} action="/staff/admin/security/sign-in-policy" submitLabel={t('staff.save')}>
            <label class="check">
              <input type="checkbox" name="ssoRequired" value="on" checked={signIn.ssoRequired} /> {t('staff.security.sso_required')}
            </label>
            {signIn.firstAdministrator ? <p class="hint">{t('staff.security.sso_first_admin', { name: signIn.firstAdministrator })}</p> : null}
          </StaffForm>
        ) : null}
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
    </StaffLayout>
  );
}
