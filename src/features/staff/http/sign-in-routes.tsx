import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { checkCsrf, csrfFieldName, heldCsrfCookie } from '../../../platform/http/csrf.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { languageCookie } from '../../../web/page-language.ts';
import { recordAudit } from '../audit.ts';
import { deleteAllSessions, deleteSession } from '../session-store.ts';
import { signIn } from '../sign-in.ts';
import { completeEnrolmentSession, confirmTotpEnrolment, startTotpEnrolment, twoFactorState, verifySecondFactor } from '../two-factor.ts';
import { renderSVG } from 'uqr';
import { otpauthUrl } from '../totp.ts';
import {
  clearSessionCookie,
  clientIp,
  StaffForm,
  currentStaff,
  requireStaff,
  replaceSessionCookie,
  setSessionCookie,
  type StaffHttpDeps,
} from './staff-auth.tsx';
import { Notice, StaffLayout, staffT } from './staff-layout.tsx';
import { safeNext, signInCookie, signInCsrf, SignInPage } from './sign-in-page.tsx';
import { homeCardsFor, StaffHomePage } from './staff-home-page.tsx';

function field(body: Record<string, unknown>, name: string, max = 1000): string {
  const value = body[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Sign-in (password, then TOTP when set up), sign-out, sign-out everywhere, own two-factor set-up. */
export function signInRoutes(deps: StaffHttpDeps) {
  const routes = new Hono<AppEnv>();
  const settings = deps.settings;

  const sso = deps.sso !== undefined;

  routes.get('/staff/sign-in', (c) => {
    if (c.get('actor')?.kind === 'staff') return c.redirect('/staff', 303);
    return c.html(<SignInPage c={c} csrf={signInCsrf(c, settings)} next={safeNext(c.req.query('next'))} sso={sso} />);
  });

  routes.post('/staff/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const sent = field(body, csrfFieldName, 100);
    if (checkCsrf(c, { publicOrigin: settings.publicOrigin, sent, expected: heldCsrfCookie(c, signInCookie) })) {
      throw new AppError('forbidden', 'The sign-in form has expired. Please reload the page.');
    }
    const username = field(body, 'username', 200);
    const next = safeNext(body.next);
    const t = staffT(c);
    try {
      const result = await signIn(deps, { username, password: field(body, 'password'), ip: clientIp(c), userAgent: c.req.header('user-agent') });
      await replaceSessionCookie(c, deps, result.token);
      if (result.stage === 'second_factor') return c.redirect(`/staff/sign-in/code?next=${encodeURIComponent(next)}`, 303);
      if (result.stage === 'enrol') return c.redirect('/staff/security/two-factor', 303);
      return c.redirect(next, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const ssoRequired = error.code === 'forbidden' && error.details?.ssoRequired === true;
      if (error.code !== 'unauthenticated' && error.code !== 'rate_limited' && !ssoRequired) throw error;
      c.status(error.code === 'rate_limited' ? 429 : ssoRequired ? 403 : 401);
      const message = t(error.code === 'rate_limited' ? 'staff.sign_in.locked' : ssoRequired ? 'staff.sign_in.sso_required' : 'staff.sign_in.failed');
      return c.html(<SignInPage c={c} csrf={signInCsrf(c, settings)} next={next} sso={sso} error={message} username={username.slice(0, 63)} />);
    }
  });

  // Staff screens in German or English; the choice is kept in the language cookie.
  routes.get('/staff/language/:lang', (c) => {
    const lang = c.req.param('lang');
    if (lang !== 'de' && lang !== 'en') throw new AppError('not_found', 'Staff screens are in German or English.');
    setCookie(c, languageCookie, lang, { path: '/', sameSite: 'Lax', secure: settings.secureCookies, maxAge: 365 * 86_400 });
    return c.redirect(safeNext(c.req.query('back')), 303);
  });

  routes.get('/staff/sign-in/code', (c) => {
    const session = c.get('staffSession');
    if (session?.stage !== 'second_factor') return c.redirect('/staff/sign-in', 303);
    const t = staffT(c);
    return c.html(
      <StaffLayout c={c} title={t('staff.code.title')}>
        <h1>{t('staff.code.title')}</h1>
        <CodeForm c={c} action="/staff/sign-in/code" next={safeNext(c.req.query('next'))} error={c.req.query('error') ? t('staff.code.wrong') : undefined} />
      </StaffLayout>,
    );
  });

  routes.post('/staff/sign-in/code', async (c) => {
    const session = c.get('staffSession');
    if (session?.stage !== 'second_factor') return c.redirect('/staff/sign-in', 303);
    const body = await c.req.parseBody();
    const next = safeNext(body.next);
    try {
      const fresh = await verifySecondFactor(deps, { sessionIdHash: session.idHash, staffId: session.staffId, code: field(body, 'code', 40), ip: clientIp(c) });
      setSessionCookie(c, settings, fresh.token);
      return c.redirect(next, 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'unauthenticated') return c.redirect(`/staff/sign-in/code?error=1&next=${encodeURIComponent(next)}`, 303);
      throw error;
    }
  });

  routes.post('/staff/sign-out', async (c) => {
    if (c.get('csrfRejected')) throw new AppError('forbidden', 'This form has expired. Please reload the page and try again.');
    const session = c.get('staffSession');
    if (session) {
      await deleteSession(deps.db, session.idHash);
      await recordAudit(deps.db, deps.clock, { actor: c.get('actor'), actorLabel: session.staffId, action: 'staff.sign_out', ip: clientIp(c) });
    }
    clearSessionCookie(c, settings);
    // A session begun at the identity provider ends there too; it sends the browser back to the sign-in page.
    const atProvider = session?.ssoCheckedAt && deps.sso ? await deps.sso.endSessionUrl() : undefined;
    return c.redirect(atProvider ?? '/staff/sign-in', 303);
  });

  routes.post('/staff/sign-out-everywhere', requireStaff(deps), async (c) => {
    const actor = currentStaff(c);
    const count = await deleteAllSessions(deps.db, actor.staffId);
    await recordAudit(deps.db, deps.clock, { actor, action: 'staff.sign_out_everywhere', note: `${count} sessions ended`, ip: clientIp(c) });
    clearSessionCookie(c, settings);
    return c.redirect('/staff/sign-in', 303);
  });

  // The cards hold counts, times and service names only: no person's data, so nothing to audit.
  routes.get('/staff', requireStaff(deps), async (c) => {
    const actor = currentStaff(c);
    return c.html(<StaffHomePage c={c} actor={actor} cards={await homeCardsFor(c, actor, deps.homeCards ?? [])} />);
  });

  // Own two-factor set-up: reachable with a full session, or with an 'enrol' session when the role requires it.
  const enrolSession = (c: Context<AppEnv>) => {
    const session = c.get('staffSession');
    if (!session || (session.stage !== 'full' && session.stage !== 'enrol')) throw new AppError('unauthenticated', 'Please sign in.');
    return session;
  };

  routes.get('/staff/security/two-factor', async (c) => {
    const session = c.get('staffSession');
    if (!session || (session.stage !== 'full' && session.stage !== 'enrol')) return c.redirect('/staff/sign-in', 303);
    const t = staffT(c);
    const staff = await twoFactorState(deps.db, session.staffId);
    if (staff.enabled) {
      return c.html(
        <StaffLayout c={c} title={t('staff.totp.title')}>
          <h1>{t('staff.totp.title')}</h1>
          <p>{t('staff.totp.active')}</p>
        </StaffLayout>,
      );
    }
    const secret = await startTotpEnrolment(deps.db, session.staffId);
    return c.html(
      <StaffLayout c={c} title={t('staff.totp.title')}>
        <h1>{t('staff.totp.title')}</h1>
        {session.stage === 'enrol' ? <Notice text={t('staff.totp.required')} /> : null}
        <p>{t('staff.totp.explain')}</p>
        <img
          class="totp-qr"
          src={`data:image/svg+xml;base64,${Buffer.from(renderSVG(otpauthUrl(secret, staff.username ?? session.staffId), { border: 2, ecc: 'M' })).toString('base64')}`}
          alt={t('staff.totp.qr_alt')}
          width={200}
          height={200}
        />
        <p>
          {t('staff.totp.secret')} <span class="secret">{secret}</span>
        </p>
        <p class="hint">
          <span class="secret">{otpauthUrl(secret, staff.username ?? session.staffId)}</span>
        </p>
        <CodeForm c={c} action="/staff/security/two-factor" error={c.req.query('error') ? t('staff.code.wrong') : undefined} />
      </StaffLayout>,
    );
  });

  routes.post('/staff/security/two-factor', async (c) => {
    const session = enrolSession(c);
    const body = await c.req.parseBody();
    const t = staffT(c);
    let codes: string[];
    try {
      codes = await confirmTotpEnrolment(deps, session.staffId, field(body, 'code', 40));
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') return c.redirect('/staff/security/two-factor?error=1', 303);
      throw error;
    }
    if (session.stage === 'enrol') {
      const fresh = await completeEnrolmentSession(deps, { sessionIdHash: session.idHash, staffId: session.staffId, ip: clientIp(c) });
      setSessionCookie(c, settings, fresh.token);
    }
    return c.html(
      <StaffLayout c={c} title={t('staff.totp.title')}>
        <h1>{t('staff.totp.done')}</h1>
        <p>{t('staff.totp.recovery_explain')}</p>
        <ul>
          {codes.map((code) => (
            <li class="secret">{code}</li>
          ))}
        </ul>
        <p>
          <a class="button" href="/staff">
            {t('staff.totp.continue')}
          </a>
        </p>
      </StaffLayout>,
    );
  });

  return routes;
}

function CodeForm(props: { c: Context<AppEnv>; action: string; next?: string; error?: string | undefined }) {
  const t = staffT(props.c);
  return (
    <StaffForm c={props.c} action={props.action} submitLabel={t('staff.code.submit')}>
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      <div>
        <label for="code">{t('staff.code.label')}</label>
        <p class="hint" id="code-hint">
          {t('staff.code.hint')}
        </p>
        <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength={40} aria-describedby="code-hint" />
      </div>
    </StaffForm>
  );
}
