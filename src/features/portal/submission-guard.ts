import type { Database } from '../../db/database.ts';
import type { PortalSettings } from './portal-settings.ts';
import { spendSolution, type PowOutcome } from './proof-of-work.ts';
import { enforce } from './rate-limit.ts';

/**
 * The defences of a citizen's form that takes something scarce (a booking, a lottery entry), in
 * this order: complete forms per IP address (residents sharing a shelter's connection must not
 * lock each other out with typos, see docs/decisions.md), the proof of work spent, without one
 * (JavaScript off) the stricter limit per address, and a limit per e-mail address. A limit throws
 * AppError 'rate_limited'; a proof of work that does not verify is the answer.
 */
export async function guardSubmission(
  deps: { db: Database; settings: PortalSettings },
  key: string,
  form: { buckets: 'book' | 'lottery'; ip: string; email: string; pow: string; now: Date },
): Promise<PowOutcome> {
  const { db, settings } = deps;
  const { buckets, now } = form;
  await enforce(db, key, { bucket: `${buckets}-ip`, subject: form.ip, limit: settings.bookingsPerIpPerHour, windowSeconds: 3600, now });
  if (form.pow) {
    const outcome = await spendSolution(db, key, form.pow, now);
    if (outcome !== 'ok') return outcome;
  } else {
    await enforce(db, key, { bucket: `${buckets}-nojs-ip`, subject: form.ip, limit: settings.noScriptBookingsPerIpPerHour, windowSeconds: 3600, now });
  }
  await enforce(db, key, { bucket: `${buckets}-email`, subject: form.email.toLowerCase(), limit: settings.bookingsPerEmailPerDay, windowSeconds: 86_400, now });
  return 'ok';
}
