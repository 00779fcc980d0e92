import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { Actor } from '../../features/staff/roles.ts';
import type { StaffSession } from '../../features/staff/session-store.ts';

/** Variables every request carries through the middleware chain. */
export type AppEnv = {
  Variables: RequestIdVariables & { actor?: Actor; staffSession?: StaffSession; csrfRejected?: boolean; clientIp?: string; secureCookies?: boolean };
};

export type AppRouter = OpenAPIHono<AppEnv>;
