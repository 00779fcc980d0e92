import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '../../db/database.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { BookingGuard } from '../appointments/index.ts';
import type { PortalSettings } from './portal-settings.ts';
import { newChallenge, spendSolution } from './proof-of-work.ts';
import { enforce } from './rate-limit.ts';

export const powHeader = 'x-altcha';

/**
 * The same bot defence for the public JSON API as for the portal's forms: every booking needs
 * a fresh solved ALTCHA challenge (header X-Altcha) and counts against the per-IP and the
 * per-e-mail limit (the portal's buckets: one person's day is the same on both ways in);
 * cancel and move, which already need the manage secret, count against the look-up limit.
 */
export function portalBookingGuard(deps: { db: Database; clock: Clock; settings: PortalSettings; key(): Promise<string> }): BookingGuard {
  return {
    async check({ action, headers, clientAddress, email }) {
      const key = await deps.key();
      const now = deps.clock.now();
      const subject = clientAddress ?? 'unknown';
      if (action !== 'book') {
        await enforce(deps.db, key, { bucket: 'api-manage-ip', subject, limit: deps.settings.lookupsPerIpPerHour, windowSeconds: 3600, now });
        return;
      }
      await enforce(deps.db, key, { bucket: 'api-book-ip', subject, limit: deps.settings.bookingsPerIpPerHour, windowSeconds: 3600, now });
      const payload = headers.get(powHeader)?.trim() ?? '';
      if (!payload)
        throw new AppError(
          'forbidden',
          'A proof of work is required: GET /api/v1/proof-of-work, solve the challenge and send the ALTCHA payload in the X-Altcha header.',
        );
      const outcome = await spendSolution(deps.db, key, payload, now);
      if (outcome === 'replayed') throw new AppError('forbidden', 'This proof of work was used already; get a new challenge.');
      if (outcome !== 'ok') throw new AppError('forbidden', 'The proof of work is not valid or has expired; get a new challenge.');
      if (email)
        await enforce(deps.db, key, {
          bucket: 'book-email',
          subject: email.normalize('NFC').trim().toLowerCase(),
          limit: deps.settings.bookingsPerEmailPerDay,
          windowSeconds: 86_400,
          now,
        });
    },
  };
}

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
