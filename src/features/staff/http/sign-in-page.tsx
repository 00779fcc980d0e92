import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { csrfCookieToken } from '../../../platform/http/csrf.ts';
import type { StaffAuthSettings } from '../auth-settings.ts';
import { StaffLayout, staffT } from './staff-layout.tsx';

export const signInCookie = 'lotse_signin';

/** Before there is a session, the sign-in form is protected by a double-submit cookie and the Origin. */
export const signInCsrf = (c: Context<AppEnv>, settings: StaffAuthSettings) =>
  csrfCookieToken(c, { name: signInCookie, path: '/staff/sign-in', sameSite: 'Strict', secure: settings.secureCookies });

/** Where to go after sign-in: a staff path only, never another site. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/staff(\/[\w\-/]*)?$/.test(value) ? value : '/staff';
}

/** The staff sign-in page: the work account first when single sign-on is configured, then the password form. */
export function SignInPage(props: { c: Context<AppEnv>; csrf: string; next: string; sso: boolean; error?: string | undefined; username?: string }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.sign_in.title')}>
      <h1>{t('staff.sign_in.title')}</h1>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      {props.sso ? (
        <>
          <p>
            <a class="button" href={`/staff/sso/start?next=${encodeURIComponent(props.next)}`}>
              {t('staff.sign_in.sso')}
            </a>
          </p>
          <p class="hint">{t('staff.sign_in.sso_hint')}</p>
          <h2>{t('staff.sign_in.local')}</h2>
        </>
      ) : null}
      <form method="post" action="/staff/sign-in" class="form-grid">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <div>
          <label for="username">{t('staff.sign_in.username')}</label>
          <input
            type="text"
            id="username"
            name="username"
            autocomplete="username"
            required
            maxlength={63}
            value={props.username ?? ''}
            autofocus={!props.sso}
          />
        </div>
        <div>
          <label for="password">{t('staff.sign_in.password')}</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required maxlength={200} />
        </div>
        <div>
          <button type="submit" class="button">
            {t('staff.sign_in.submit')}
          </button>
        </div>
      </form>
    </StaffLayout>
  );
}
