import { createStaffAccount } from '../src/features/staff/create-staff-account.ts';
import type { StaffRole } from '../src/features/staff/roles.ts';
import type { Database } from '../src/db/database.ts';

type App = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export const testPassword = 'correct horse battery';

let counter = 0;
/** A staff account with a known password. */
export async function addStaff(db: Database, role: StaffRole, options: { username?: string; locationIds?: string[]; specialtyIds?: string[] } = {}) {
  const username = options.username ?? `${role.replace('_', '')}${++counter}`;
  const { id } = await createStaffAccount(db, {
    username,
    displayName: `Test ${role} ${counter}`,
    password: testPassword,
    role,
    ...(options.locationIds ? { locationIds: options.locationIds } : {}),
    ...(options.specialtyIds ? { specialtyIds: options.specialtyIds } : {}),
  });
  return { id, username };
}

/** A minimal browser: keeps cookies, sends forms with the page's CSRF token. */
export class Browser {
  cookies = new Map<string, string>();
  private readonly app: App;
  constructor(app: App) {
    this.app = app;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** The CSRF token from a page's hidden `_csrf` field. */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const match = /name="_csrf" value="([^"]*)"/.exec(html);
    if (!match?.[1]) throw new Error(`no CSRF field on ${path}`);
    return match[1];
  }

  post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** Posts a form the way a page would: with the token taken from `fromPage`. */
  async submit(fromPage: string, path: string, fields: Record<string, string | string[]>) {
    const csrf = await this.csrfFrom(fromPage);
    return this.post(path, { _csrf: csrf, ...fields });
  }

  async signIn(username: string, password = testPassword): Promise<Response> {
    const csrf = await this.csrfFrom('/staff/sign-in');
    return this.post('/staff/sign-in', { _csrf: csrf, username, password });
  }
}
