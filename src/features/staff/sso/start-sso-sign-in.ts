import * as oidc from 'openid-client';
import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { sha256 } from '../secrets.ts';
import type { SsoClient } from './oidc-client.ts';
import { saveAttempt } from './sso-store.ts';

/** How long the identity provider may take (sign-in, second factor there) before the answer is refused. */
export const ssoAttemptMs = 10 * 60_000;

/**
 * The first step of single sign-on: a fresh state, nonce and PKCE verifier, kept in PostgreSQL
 * (any instance may receive the answer), and the identity provider's address to send the browser to.
 * The caller also puts the state into a cookie: the answer must come back to this browser.
 */
export async function startSsoSignIn(deps: { db: Database; clock: Clock; sso: SsoClient }, input: { next: string }): Promise<{ url: URL; state: string }> {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = await deps.sso.authorizationUrl({ state, nonce, codeVerifier });
  const now = deps.clock.now();
  await saveAttempt(deps.db, {
    stateHash: sha256(state),
    nonce,
    codeVerifier,
    nextPath: input.next,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ssoAttemptMs),
  });
  return { url, state };
}
