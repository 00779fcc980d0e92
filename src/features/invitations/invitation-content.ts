import type { Database } from '../../db/database.ts';
import { addDays } from '../../web/format.ts';
import { sourceLang } from '../../web/i18n.ts';
import { officeDay } from '../../shared/office-day.ts';
import { appointmentsByIds, type AppointmentOfInvitation } from '../appointments/index.ts';
import { letterAddressees, type LetterAddressee } from '../case-files/index.ts';
import { expectedFee, type ExpectedFee } from '../fees/index.ts';
import { findLocationById, findServiceById, loadLetterhead, type Letterhead, type LocationView, type ServiceView } from '../office/index.ts';
import { manageToken } from '../portal/index.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { loadPolicy } from './invitation-policy.ts';

/** Everything a letter, a mail or a reminder of one invitation is written from. */
export type InvitationContent = {
  invitationId: string;
  runId: string;
  lang: string;
  expiresOn: string;
  letterToFile: boolean;
  /** Reminded by letter (no e-mail address): the reminder waits on the run's page to be printed. */
  reminderLetter: boolean;
  mailedAt: Date | null;
  releasedAt: Date | null;
  person: LetterAddressee;
  appointment: AppointmentOfInvitation;
  service: { own: ServiceView; german: ServiceView };
  location: LocationView;
  letterhead: Letterhead;
  fee: ExpectedFee | undefined;
  /** The last day to confirm: after it the reservation is released. */
  confirmBy: string;
  manageUrl: string;
  shortUrl: string;
};

type InvitationRow = {
  id: string;
  run_id: string;
  person_id: string;
  appointment_id: string;
  language: string;
  expires_on: string;
  letter_to_file: boolean;
  reminder_letter: boolean;
  mailed_at: Date | null;
  released_at: Date | null;
};

/** The short link's token: the start of the manage token, enough to find nothing by guessing (72 bits). */
export const shortTokenLength = 12;

/** The invitations' content, loaded together (services, locations and fees once each). */
export async function invitationContents(deps: Pick<InvitationDeps, 'db' | 'publicUrl' | 'key'>, rows: readonly InvitationRow[]): Promise<InvitationContent[]> {
  const { db } = deps;
  const [policy, key, people, appointments] = await Promise.all([
    loadPolicy(db),
    deps.key(),
    letterAddressees(
      db,
      rows.map((r) => r.person_id),
    ),
    appointmentsInChunks(
      db,
      rows.map((r) => r.appointment_id),
    ),
  ]);
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = load()));
    return value;
  };
  const services = new Map<string, Promise<ServiceView | undefined>>();
  const locations = new Map<string, Promise<{ location: LocationView | undefined; letterhead: Letterhead }>>();
  const fees = new Map<string, Promise<ExpectedFee | undefined>>();
  const contents: InvitationContent[] = [];
  for (const row of rows) {
    const appointment = appointments.get(row.appointment_id);
    const person = people.get(row.person_id);
    if (!appointment || !person) continue;
    const [own, german, place] = await Promise.all([
      once(services, `${appointment.service_id}|${row.language}`, () => findServiceById({ db }, row.language, appointment.service_id)),
      once(services, `${appointment.service_id}|${sourceLang}`, () => findServiceById({ db }, sourceLang, appointment.service_id)),
      once(locations, appointment.location_id, async () => ({
        location: await findLocationById({ db }, appointment.location_id),
        letterhead: await loadLetterhead({ db }, appointment.location_id),
      })),
    ]);
    if (!own || !german || !place.location) continue;
    const day = officeDay(appointment.starts_at, place.location.timeZone);
    const fee = await once(fees, `${appointment.service_id}|${day}`, () => expectedFee({ db }, appointment.service_id, day));
    const token = manageToken(key, appointment);
    contents.push({
      invitationId: row.id,
      runId: row.run_id,
      lang: row.language,
      expiresOn: row.expires_on,
      person,
      letterToFile: row.letter_to_file,
      reminderLetter: row.reminder_letter,
      appointment,
      mailedAt: row.mailed_at,
      releasedAt: row.released_at,
      service: { own, german },
      location: place.location,
      letterhead: place.letterhead,
      fee,
      confirmBy: addDays(day, -policy.releaseDaysBefore - 1),
      manageUrl: `${deps.publicUrl}/${row.language}/appointment/${appointment.code}?s=${token}`,
      shortUrl: `${deps.publicUrl}/i/${appointment.code}/${token.slice(0, shortTokenLength)}`,
    });
  }
  return contents;
}

async function appointmentsInChunks(db: Database, ids: readonly string[]): Promise<Map<string, AppointmentOfInvitation>> {
  const found = new Map<string, AppointmentOfInvitation>();
  for (let i = 0; i < ids.length; i += 5000) for (const a of await appointmentsByIds(db, ids.slice(i, i + 5000))) found.set(a.id, a);
  return found;
}

/** The invitation rows of a run (only those to remind by letter, if asked), or the ones named. */
export function invitationRows(
  db: Database,
  where: { runId: string; reminderLetters?: boolean } | { invitationIds: readonly string[] },
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitation')
    .select(['id', 'run_id', 'person_id', 'appointment_id', 'language', 'letter_to_file', 'reminder_letter', 'mailed_at', 'released_at'])
    .select((eb) => eb.cast<string>('expires_on', 'text').as('expires_on'))
    .orderBy('created_at')
    .orderBy('id');
  query =
    'runId' in where
      ? query.where('run_id', '=', where.runId).$if(where.reminderLetters === true, (q) => q.where('reminder_letter', '=', true))
      : query.where('id', 'in', where.invitationIds.length > 0 ? where.invitationIds : ['00000000-0000-0000-0000-000000000000']);
  return query.execute();
}
