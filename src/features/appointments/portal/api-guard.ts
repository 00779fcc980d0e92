import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { enforce, type PortalSettings, powHeader, spendSolution } from '../../portal/index.ts';
import type { BookingGuard } from '../booking-guard.ts';

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
