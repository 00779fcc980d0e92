import type { Hono } from 'hono';

/** A tiny browser for app.request(): keeps cookies, sends forms with their CSRF token and our Origin. */
export class PortalClient {
  readonly cookies = new Map<string, string>();
  private readonly app: { request: Hono['request'] };
  constructor(app: { request: Hono['request'] }) {
    this.app = app;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await this.app.request(path, { headers: this.headers(headers) });
    this.remember(response);
    return { status: response.status, html: await response.text(), location: response.headers.get('location') ?? undefined, headers: response.headers };
  }

  /** Posts a form; the CSRF token is taken from the page the form was on. */
  async post(path: string, page: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token, ...fields });
    const response = await this.app.request(path, {
      method: 'POST',
      body,
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers }),
    });
    this.remember(response);
    return { status: response.status, html: await response.text(), location: response.headers.get('location') ?? undefined, headers: response.headers };
  }
}
