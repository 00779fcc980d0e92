import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { sourceLang, type Lang } from '../../web/i18n.ts';
import { countLookup, type LookupChannel } from './count-lookup.ts';
import type { LookupQuery } from './lookup-query.ts';
import { procedureByCardSerial, procedureByNumber, statusDetails } from './lookup-store.ts';

export type LookupDeps = { db: Database; clock: Clock; timeZone: string };

/** A text in the reader's language, or the German one when there is none yet (`lang` says which). */
export type Localized = { text: string; lang: Lang };

/** All a person learns: the status, since when, what to do next, and (by procedure number) the documents still missing. */
export type StatusAnswer = {
  kind: LookupQuery['kind'];
  statusCode: string;
  label: Localized;
  nextStep: Localized;
  since: Date;
  timeZone: string;
  missing: { kind: string; note: string | null }[];
};

/**
 * Answers a look-up, or null. A wrong date of birth takes the same path as an unknown number (one
 * query, no second), so neither the answer nor its time tells a guesser that the number exists.
 * Every look-up is counted for the figures, found or not.
 */
export async function lookUpStatus(deps: LookupDeps, query: LookupQuery, options: { lang: Lang; channel: LookupChannel }): Promise<StatusAnswer | null> {
  const candidate = query.kind === 'procedure' ? await procedureByNumber(deps.db, query.number) : await procedureByCardSerial(deps.db, query.serial);
  const matches =
    candidate !== undefined &&
    (query.kind === 'card' ||
      (candidate.birth_year === query.dateOfBirth.year && candidate.birth_month === query.dateOfBirth.month && candidate.birth_day === query.dateOfBirth.day));
  const details = matches ? await statusDetails(deps.db, candidate.procedure_id, candidate.status_id, options.lang) : undefined;
  await countLookup(deps, { channel: options.channel, kind: query.kind, found: details !== undefined });
  if (!candidate || !details) return null;
  const own = details.texts.find((t) => t.lang === options.lang);
  const german = details.texts.find((t) => t.lang === sourceLang);
  const label = own ?? german;
  const next = own?.next_step ? own : german;
  return {
    kind: query.kind,
    statusCode: details.code,
    label: { text: label?.label ?? details.code, lang: label?.lang ?? sourceLang },
    nextStep: { text: next?.next_step ?? '', lang: next?.lang ?? sourceLang },
    since: details.since,
    timeZone: candidate.time_zone,
    // "Is my card ready?" tells about the card only: the serial alone is no proof of who asks.
    missing: query.kind === 'procedure' ? details.missing : [],
  };
}
