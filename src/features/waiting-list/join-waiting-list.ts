import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isLanguage } from '../../web/i18n.ts';
import { hashLinkToken, newLinkToken } from './link-token.ts';
import { renderWaitingListMail } from './waiting-list-mails.ts';
import type { Acceptable } from './waiting-list-store.ts';

export type JoinRequest = {
  serviceId: string;
  locationId: string;
  person: { name: string; dateOfBirth: string; email: string };
  language: string;
  acceptable: Acceptable;
  /** For the mail: the service's and location's names in the person's language. */
  names: { service: string; location: string };
};

/**
 * Puts a person on the list, not yet in line: the mail to the address carries the link that
 * confirms the place (double opt-in) and later shows it. Once per address and service: the unique
 * index decides, and a second entry is refused with `duplicate_entry` and nothing written.
 */
export async function joinWaitingList(deps: { db: Database; clock: Clock; jobs: Jobs; publicUrl: string }, request: JoinRequest): Promise<{ token: string }> {
  if (!isLanguage(request.language)) throw new AppError('validation_failed', 'Unknown language.', { details: { reason: 'language' } });
  checkAcceptable(request.acceptable);
  const now = deps.clock.now();
  const token = newLinkToken();
  const email = request.person.email.normalize('NFC').trim();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('waiting_list_entry')
        .values({
          service_id: request.serviceId,
          location_id: request.locationId,
          status: 'pending',
          person_name: request.person.name,
          date_of_birth: request.person.dateOfBirth,
          email,
          email_normalized: email.toLowerCase(),
          language: request.language,
          weekdays: request.acceptable.weekdays,
          from_minute: request.acceptable.fromMinute,
          until_minute: request.acceptable.untilMinute,
          token_hash: hashLinkToken(token),
          created_at: now,
        })
        .execute();
      const url = `${deps.publicUrl}/${request.language}/waiting-list/entry/${token}`;
      await enqueueMail(deps.jobs, renderWaitingListMail('confirm', { to: email, lang: request.language, name: request.person.name, url, ...request.names }), {
        trx,
      });
    });
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'waiting_list_entry_once_per_person_and_service')
      throw new AppError('conflict', 'This e-mail address is already on the waiting list for this service.', { details: { reason: 'duplicate_entry' } });
    throw error;
  }
  return { token };
}

function checkAcceptable(acceptable: Acceptable): void {
  const { weekdays, fromMinute, untilMinute } = acceptable;
  const days = new Set(weekdays);
  if (weekdays.length === 0 || days.size !== weekdays.length || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new AppError('validation_failed', 'Choose at least one weekday.', { details: { reason: 'weekdays' } });
  if (!Number.isInteger(fromMinute) || !Number.isInteger(untilMinute) || fromMinute < 0 || untilMinute > 1440 || fromMinute >= untilMinute)
    throw new AppError('validation_failed', 'The earliest time must lie before the latest.', { details: { reason: 'hours' } });
}
