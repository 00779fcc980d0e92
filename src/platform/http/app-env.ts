import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';

/**
 * Variables every request carries through the platform's middleware chain. Features add their
 * own (the staff shell adds `actor` and `staffSession`, see features/staff/http/staff-env.ts).
 */
export type AppEnv = {
  Variables: RequestIdVariables & {
    csrfRejected?: boolean;
    clientIp?: string;
    trustedProxy?: (address: string, hop: number) => boolean;
    secureCookies?: boolean;
  };
};

export type AppRouter = OpenAPIHono<AppEnv>;
