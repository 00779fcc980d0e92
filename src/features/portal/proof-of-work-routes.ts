import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Clock } from '../../shared/clock.ts';
import type { PortalSettings } from './portal-settings.ts';
import { newChallenge } from './proof-of-work.ts';

/** The header the public API expects the solved challenge in. */
export const powHeader = 'x-altcha';

const challengeSchema = z
  .object({ algorithm: z.string(), challenge: z.string(), maxnumber: z.number().int().optional(), salt: z.string(), signature: z.string() })
  .openapi('ProofOfWorkChallenge');

const challengeRoute = createRoute({
  method: 'get',
  path: '/api/v1/proof-of-work',
  tags: ['appointments'],
  summary: 'A fresh ALTCHA challenge; send the solved payload as X-Altcha when booking',
  responses: { 200: { description: 'The challenge', content: { 'application/json': { schema: challengeSchema } } } },
});

export function proofOfWorkRoutes(deps: { settings: PortalSettings; clock: Clock; key(): Promise<string> }): OpenAPIHono<AppEnv> {
  const routes = new OpenAPIHono<AppEnv>();
  routes.openapi(challengeRoute, async (c) => {
    const challenge = await newChallenge(await deps.key(), {
      maxNumber: deps.settings.powMaxNumber,
      expiresMinutes: deps.settings.powExpiresMinutes,
      now: deps.clock.now(),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(challenge, 200);
  });
  return routes;
}
