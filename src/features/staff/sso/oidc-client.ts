import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import type { Logger } from '../../../platform/log.ts';
import { AppError } from '../../../shared/app-error.ts';
import { isLoopback, type OidcSettings } from './sso-settings.ts';

/** How Lotse and its identity provider get on: shown in the start-up log. */
export type SsoHealth = 'ok' | 'issuer_unreachable' | 'client_rejected' | 'check_failed';

/**
 * Lotse's side of OpenID Connect, on `openid-client`: discovery (cached, retried after a failure),
 * the authorization URL, the code exchange with PKCE, state and nonce, refresh, and the
 * verification of back-channel logout tokens, the provider's sign-out address. Every time check uses the injected clock's `now`.
 */
export type SsoClient = {
  readonly settings: OidcSettings;
  checkAtStart(): Promise<SsoHealth>;
  authorizationUrl(input: { state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  exchangeCode(input: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string; now: Date }): Promise<SsoTokens>;
  refresh(refreshToken: string, now: Date): Promise<{ outcome: 'ok'; refreshToken: string | undefined } | { outcome: 'refused' | 'unreachable' }>;
  verifyLogoutToken(token: string, now: Date): Promise<{ sub: string | undefined; sid: string | undefined; jti: string }>;
  /** Where a browser ends its session at the provider too (RP-Initiated Logout 1.0); undefined when the provider has no such address or cannot be reached. */
  endSessionUrl(): Promise<string | undefined>;
};

export type SsoTokens = { claims: Record<string, unknown>; refreshToken: string | undefined };

/** The reason a sign-in through the identity provider failed, without personal data (for the audit trail). */
export class SsoRefused extends Error {
  readonly reason: string;
  constructor(reason: string, cause?: unknown) {
    super(`single sign-on refused: ${reason}`, { cause });
    this.reason = reason;
  }
}

const backchannelLogoutEvent = 'http://schemas.openid.net/event/backchannel-logout';

export function createSsoClient(settings: OidcSettings, logger: Logger): SsoClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const issuerUrl = new URL(settings.issuer);
  const insecure = issuerUrl.protocol === 'http:' && isLoopback(issuerUrl.hostname);

  const discover = () => {
    discovered ??= oidc
      .discovery(issuerUrl, settings.clientId, undefined, oidc.ClientSecretPost(settings.clientSecret), {
        timeout: 10,
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined; // the next sign-in tries again
        logger.warn({ issuer: settings.issuer, reason: describe(error) }, 'single sign-on: identity provider not reachable');
        throw new AppError('unavailable', 'The identity provider cannot be reached. Please sign in with your password or try again later.', { cause: error });
      });
    return discovered;
  };

  // openid-client compares token times with the machine's clock plus this skew: Lotse's clock decides.
  const configAt = async (now: Date) => {
    const base = await discover();
    const config = new oidc.Configuration(
      base.serverMetadata(),
      settings.clientId,
      { [oidc.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000) },
      oidc.ClientSecretPost(settings.clientSecret),
    );
    if (insecure) oidc.allowInsecureRequests(config);
    config.timeout = 10;
    return config;
  };

  return {
    settings,

    async checkAtStart() {
      let config: oidc.Configuration;
      try {
        config = await discover();
      } catch {
        return 'issuer_unreachable';
      }
      // A code that cannot exist: a right client secret gets `invalid_grant`, a wrong one `invalid_client`.
      try {
        await oidc.genericGrantRequest(config, 'authorization_code', { code: 'lotse-start-up-check', redirect_uri: settings.redirectUrl });
      } catch (error) {
        const code = error instanceof oidc.ResponseBodyError ? error.error : undefined;
        if (code === 'invalid_client' || code === 'unauthorized_client') {
          logger.error(
            { issuer: settings.issuer, clientId: settings.clientId, error: code },
            'single sign-on: the identity provider refuses the client id or secret',
          );
          return 'client_rejected';
        }
        if (code === 'invalid_grant' || code === 'invalid_request') {
          logger.info({ issuer: settings.issuer, clientId: settings.clientId }, 'single sign-on ready');
          return 'ok';
        }
        logger.warn({ issuer: settings.issuer, reason: describe(error) }, 'single sign-on: could not check the client credentials');
        return 'check_failed';
      }
      return 'check_failed';
    },

    async authorizationUrl({ state, nonce, codeVerifier }) {
      const config = await discover();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: settings.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async exchangeCode({ callbackUrl, state, nonce, codeVerifier, now }) {
      const config = await configAt(now);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: codeVerifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new SsoRefused(reasonOf(error), error);
      }
      const idClaims = tokens.claims() as Record<string, unknown>;
      let claims = idClaims;
      // Some providers (and Keycloak without mappers "in the ID token") give names and groups only at userinfo.
      const needs = [settings.usernameClaim, settings.groupsClaim.split('.')[0] as string];
      if (needs.some((name) => !(name in idClaims)) && config.serverMetadata().userinfo_endpoint) {
        try {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub as string);
          claims = { ...info, ...idClaims };
        } catch (error) {
          throw new SsoRefused(`userinfo: ${reasonOf(error)}`, error);
        }
      }
      return { claims, refreshToken: tokens.refresh_token };
    },

    async refresh(refreshToken, now) {
      let config: oidc.Configuration;
      try {
        config = await configAt(now);
      } catch {
        return { outcome: 'unreachable' };
      }
      try {
        const tokens = await oidc.refreshTokenGrant(config, refreshToken);
        return { outcome: 'ok', refreshToken: tokens.refresh_token ?? refreshToken };
      } catch (error) {
        // The provider said no, or its answer does not hold (e.g. an ID token for someone else): refused.
        const code = (error as { code?: unknown }).code;
        if (error instanceof oidc.ResponseBodyError || (typeof code === 'string' && code.startsWith('OAUTH_'))) return { outcome: 'refused' };
        logger.warn({ issuer: settings.issuer, reason: describe(error) }, 'single sign-on: refresh failed, the session stays until the next check');
        return { outcome: 'unreachable' };
      }
    },

    async verifyLogoutToken(token, now) {
      const config = await discover();
      const jwksUri = config.serverMetadata().jwks_uri;
      if (!jwksUri) throw new SsoRefused('the identity provider publishes no keys');
      jwks ??= createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000 });
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: config.serverMetadata().issuer,
          audience: settings.clientId,
          currentDate: now,
          clockTolerance: 30,
          requiredClaims: ['iat', 'events', 'jti'],
          maxTokenAge: '10 minutes',
        }));
      } catch (error) {
        throw new SsoRefused(`logout token: ${reasonOf(error)}`, error);
      }
      // OpenID Connect Back-Channel Logout 1.0, 2.6: the event, sub and/or sid, and never a nonce.
      const events = payload.events as Record<string, unknown> | undefined;
      if (!events || typeof events !== 'object' || typeof events[backchannelLogoutEvent] !== 'object') throw new SsoRefused('logout token: no logout event');
      if ('nonce' in payload) throw new SsoRefused('logout token: carries a nonce');
      const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
      const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
      if (!sub && !sid) throw new SsoRefused('logout token: neither sub nor sid');
      const jti = payload.jti;
      if (typeof jti !== 'string' || jti.length === 0 || jti.length > 255) throw new SsoRefused('logout token: no usable jti');
      return { sub, sid, jti };
    },

    async endSessionUrl() {
      let config: oidc.Configuration;
      try {
        config = await discover();
      } catch {
        return undefined; // signed out of Lotse all the same; the provider's session ends with its own time-out
      }
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      const back = new URL('/staff/sign-in', settings.redirectUrl).href;
      return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: back }).href;
    },
  };
}

/** The library's error code (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED, ERR_JWT_EXPIRED) and the claim: no values. */
function reasonOf(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) return `provider: ${error.error}`;
  const code = (error as { code?: unknown }).code;
  // The claim's name sits on the error or in its chain of causes (openid-client wraps oauth4webapi's errors).
  let claim: unknown;
  for (let link: unknown = error, depth = 0; link && typeof link === 'object' && depth < 4 && claim === undefined; depth++) {
    claim = (link as { claim?: unknown }).claim;
    link = (link as { cause?: unknown }).cause;
  }
  return `${typeof code === 'string' ? code : 'error'}${typeof claim === 'string' ? ` (${claim})` : ''}`.slice(0, 200);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return [(error as Error).message, typeof cause?.code === 'string' ? cause.code : undefined].filter(Boolean).join(': ').slice(0, 300);
}
