import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/app-error.ts';
import { officeDay } from '../../shared/office-day.ts';
import type { LotteryDeps } from './lottery-deps.ts';
import { entryUrl, linkHash, linkToken } from './lottery-link.ts';
import { queueLotteryMail } from './lottery-mails.ts';
import type { LotteryOffer } from './lottery-service.ts';
import { insertEntry, isDrawn, lockLottery } from './lottery-store.ts';
import { lotteryWindow, windowState } from './lottery-window.ts';

export type Entrant = { name: string; dateOfBirth: string; email: string; phone: string | null; language: string };

/** Why an entry was refused; the portal shows each in the reader's language. */
export type EntryRefusal = 'not_open' | 'closed' | 'entered';

export function entryRefused(reason: EntryRefusal): AppError {
  const message = {
    not_open: 'The lottery for today is not open yet.',
    closed: 'The lottery for today is closed: the times have been drawn or are being drawn.',
    entered: 'This person is entered for this service today already; the link is in the e-mail sent then.',
  }[reason];
  return new AppError(reason === 'closed' ? 'gone' : 'conflict', message, { details: { reason } });
}

/**
 * Enters a person in today's lottery of a service at a location while its window is open: one
 * entry per person (e-mail and date of birth) and service a day, the unique key decides. The
 * answer is the secret of the person's link; the same link goes out by e-mail with the entry.
 */
export async function enterLottery(deps: LotteryDeps, offer: LotteryOffer, entrant: Entrant): Promise<{ token: string }> {
  const now = deps.clock.now();
  const key = { serviceId: offer.service.id, locationId: offer.location.id, day: officeDay(now, offer.rules.timeZone) };
  const window = lotteryWindow(offer.rules, key.day);
  const state = windowState(window, now);
  if (state !== 'open') throw entryRefused(state === 'before' ? 'not_open' : 'closed');
  const id = randomUUID();
  const token = linkToken(await deps.key(), id);
  const email = entrant.email.normalize('NFC').trim();
  return deps.db.transaction().execute(async (trx) => {
    await lockLottery(trx, key, 'entry');
    if (await isDrawn(trx, key)) throw entryRefused('closed');
    const { serviceId: service_id, locationId: location_id, day } = key;
    const { name: person_name, dateOfBirth: date_of_birth, phone, language } = entrant;
    const inserted = await insertEntry(trx, {
      id,
      service_id,
      location_id,
      day,
      person_name,
      date_of_birth,
      phone,
      language,
      email,
      created_at: now,
      email_normalized: email.toLowerCase(),
      link_hash: linkHash(token),
    });
    if (!inserted) throw entryRefused('entered');
    await queueLotteryMail(
      deps.jobs,
      trx,
      { kind: 'entered', drawAt: window.closes },
      {
        to: email,
        lang: entrant.language,
        name: entrant.name,
        service: offer.service.name,
        location: offer.location.name,
        day: key.day,
        timeZone: offer.rules.timeZone,
        url: entryUrl(deps.publicUrl, entrant.language, token),
      },
    );
    return { token };
  });
}
