import http from 'node:http';
import { after } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from './global-setup.ts';

/** A person at the test identity provider; `groups` is what the groups claim carries. */
/**
 * The provider's time. oidc-provider signs its tokens with the machine's clock and takes no
 * injected one, so an office clock that talks to it starts here; the tests pass on any day.
 */
export function providerTime(): Date {
  return new Date(Date.now());
}

export type TestAccount = { username: string; name: string; groups: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  provider: Provider;
  /** While set, ID tokens from the token endpoint are changed so and re-signed with the provider's own key. */
  rewriteIdToken: { change: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined };
  /** The claims of every ID token the token endpoint handed out, newest last. */
  issuedIdTokens: Record<string, unknown>[];
  /** Every back-channel logout token the provider sent, newest last. */
  logoutTokens: string[];
  stop(): Promise<void>;
};

/**
 * A real OpenID provider (`oidc-provider`, the certified Node implementation) on a free port of
 * 127.0.0.1, with its development login and consent pages, one confidential client for Lotse
 * (code flow, PKCE, refresh tokens, back-channel logout) and the accounts the test puts into `accounts`.
 */
export async function startTestProvider(options: { lotseUrl: string; idTokenTtlSeconds?: number }): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();
  const logoutTokens: string[] = [];
  const clientId = 'lotse';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.lotseUrl}/staff/sso/callback`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        backchannel_logout_uri: `${options.lotseUrl}/staff/sso/backchannel-logout`,
        backchannel_logout_session_required: true,
        post_logout_redirect_uris: [`${options.lotseUrl}/staff/sign-in`],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'] },
    // Claims in the ID token itself, as Keycloak's and AD FS's mappers put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, backchannelLogout: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      IdToken: options.idTokenTtlSeconds ?? 600,
      AccessToken: 600,
      AuthorizationCode: 60,
      RefreshToken: 86_400,
      Grant: 86_400,
      Session: 86_400,
      Interaction: 600,
    },
    // Lotse listens on 127.0.0.1, which the provider's guard against server-side request forgery refuses.
    fetch: (url: string | URL | Request, init?: RequestInit) => {
      const { dispatcher: _guard, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
      const logoutToken = rest.body instanceof URLSearchParams ? rest.body.get('logout_token') : null;
      if (logoutToken) logoutTokens.push(logoutToken);
      return fetch(url, rest);
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, preferred_username: account.username, name: account.name, groups: account.groups }),
      };
    },
  });
  const rewriteIdToken: TestProvider['rewriteIdToken'] = { change: undefined };
  const issuedIdTokens: Record<string, unknown>[] = [];
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !body?.id_token) return;
    issuedIdTokens.push(decodeJwt(body.id_token));
    if (rewriteIdToken.change) {
      const claims = rewriteIdToken.change(decodeJwt(body.id_token));
      ctx.body = { ...body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(privateKey) };
    }
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    return stopped;
  };
  after(stop);
  return { issuer, clientId, clientSecret, accounts, provider, rewriteIdToken, issuedIdTokens, logoutTokens, stop };
}

/** A browser over real HTTP: a cookie jar for all hosts, redirects followed one by one, forms read from the page. */
export class WebClient {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until a page answers, or until the next address starts with `stopAt` (then that address). */
  async follow(url: string, init: RequestInit = {}, stopAt?: string): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error('too many redirects');
      current = new URL(response.headers.get('location') ?? '', current).href;
      await response.body?.cancel();
      if (stopAt && current.startsWith(stopAt)) return { response, url: current };
      response = await this.request(current);
    }
    return { response, url: current };
  }

  /** Submits the page's first form with its hidden fields and these values. */
  async submitForm(page: { response: Response; url: string }, values: Record<string, string>, stopAt?: string) {
    const html = await page.response.text();
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no form on ${page.url}: ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const [input] of (form[2] ?? '').matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name) fields.set(name, /value="([^"]*)"/.exec(input)?.[1] ?? '');
    }
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    const action = new URL((form[1] ?? '').replaceAll('&amp;', '&'), page.url).href;
    return this.follow(action, { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, stopAt);
  }
}
