import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';

/** Variables every request carries through the middleware chain. */
export type AppEnv = { Variables: RequestIdVariables };

export type AppRouter = OpenAPIHono<AppEnv>;
