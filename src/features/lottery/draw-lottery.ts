import { AppError } from '../../shared/app-error.ts';
import { findServiceById } from '../office/index.ts';
import { holdTime, releasableStarts, ScheduleCache, type HeldTime } from '../appointments/index.ts';
import { drawOrder, newDrawSeed } from './draw-order.ts';
import type { LotteryDeps } from './lottery-deps.ts';
import { entryUrl, linkToken } from './lottery-link.ts';
import { queueLotteryMail, type LotteryMail } from './lottery-mails.ts';
import type { LotteryOffer } from './lottery-service.ts';
import { claimDraw, entriesOf, lockLottery, markLost, markWon, recordDrawFigures, type EntryRow, type LotteryKey } from './lottery-store.ts';
import { holdUntil, lotteryWindow } from './lottery-window.ts';

export type DrawFigures = { drawId: string; entrants: number; times: number; winners: number };

/**
 * Draws a lottery once its window has closed: the entrants are shuffled with a fresh seed
 * (draw-order.ts), and in that order each gets the next free time of the day, held for them as an
 * appointment, until the times run out; the rest have lost. Entries, holds, outcomes, figures and
 * every person's mail commit together. A second call (another instance, a retried job) finds the
 * draw claimed and answers undefined: the unique draw row and the lottery's lock decide.
 */
export async function drawLottery(deps: LotteryDeps, offer: LotteryOffer, day: string): Promise<DrawFigures | undefined> {
  const now = deps.clock.now();
  if (now < lotteryWindow(offer.rules, day).closes) throw new AppError('conflict', 'The lottery window is still open.');
  const key: LotteryKey = { serviceId: offer.service.id, locationId: offer.location.id, day };
  const signingKey = await deps.key();
  const serviceNames = new Map<string, string>();
  const serviceName = async (lang: string) => {
    let name = serviceNames.get(lang);
    if (name === undefined) {
      name = (await findServiceById(deps, lang, offer.service.id))?.name ?? offer.service.name;
      serviceNames.set(lang, name);
    }
    return name;
  };
  return deps.db.transaction().execute(async (trx) => {
    await lockLottery(trx, key, 'draw');
    const seed = newDrawSeed();
    const drawId = await claimDraw(trx, key, { seed, now });
    if (!drawId) return undefined;
    const engine = { db: trx, clock: deps.clock, schedules: new ScheduleCache(deps.clock) };
    const earliest = now.getTime() + offer.rules.minLeadMinutes * 60_000;
    const starts = (await releasableStarts(engine, key)).filter((start) => start.getTime() >= earliest);
    const entries = await entriesOf(trx, key);
    const lost: { id: string; rank: number }[] = [];
    let next = 0;
    let winners = 0;
    const tell = async (entry: EntryRow, mail: LotteryMail) =>
      queueLotteryMail(deps.jobs, trx, mail, {
        to: entry.email,
        lang: entry.language,
        name: entry.person_name,
        service: await serviceName(entry.language),
        location: offer.location.name,
        day,
        timeZone: offer.rules.timeZone,
        url: entryUrl(deps.publicUrl, entry.language, linkToken(signingKey, entry.id)),
      });
    await deps.jobs.batched(trx, async () => {
      for (const [rank, entry] of drawOrder(entries, seed).entries()) {
        let held: HeldTime | undefined;
        // A start stays in turn while it has a free clerk: several clerks make several times at one start.
        while (!held && next < starts.length) {
          held = await holdTime(engine, {
            ...key,
            start: starts[next]!.getTime(),
            person: { name: entry.person_name, dateOfBirth: entry.date_of_birth, email: entry.email, phone: entry.phone, language: entry.language },
          });
          if (!held) next++;
        }
        if (held) {
          winners++;
          const until = holdUntil(offer.rules, now, held.startsAt);
          await markWon(trx, entry.id, { rank: rank + 1, appointmentId: held.appointmentId, holdUntil: until, now });
          await tell(entry, { kind: 'won', start: held.startsAt, holdUntil: until });
        } else {
          lost.push({ id: entry.id, rank: rank + 1 });
          await tell(entry, { kind: 'lost' });
        }
      }
    });
    await markLost(trx, lost, now);
    // The times the draw could give out: those it held, and the starts nobody was left for.
    const times = winners + (lost.length > 0 ? 0 : starts.length - next);
    const figures = { entrants: entries.length, times, winners };
    await recordDrawFigures(trx, drawId, figures);
    return { drawId, ...figures };
  });
}
