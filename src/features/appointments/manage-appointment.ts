import { isId } from '../../shared/id.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Requester } from './requester.ts';
import { manageSecretMatches, canonicalCode } from './appointment-code.ts';
import { findAppointmentByCode, findAppointmentById, type AppointmentRow } from './appointment-store.ts';

/**
 * How an appointment is addressed: by code and manage secret (the citizen), by id (staff), or by
 * id after the citizen portal has verified the person itself (e-mail link, or code + date of
 * birth). The JSON API never builds the last kind from a request.
 */
export type AppointmentLocator = { code: string; manageSecret: string } | { appointmentId: string; verifiedByPortal?: true };

export type LocatedAppointment = AppointmentRow & { time_zone: string };

const notFound = () => new AppError('not_found', 'No appointment matches this code and secret.');

/** Unknown code and wrong secret give the same answer, so codes cannot be probed. */
export async function locateAppointment(db: Database, locator: AppointmentLocator, actor: Requester): Promise<LocatedAppointment> {
  if ('appointmentId' in locator) {
    if (actor.channel !== 'staff' && locator.verifiedByPortal !== true) throw notFound();
    const row = isId(locator.appointmentId) ? await findAppointmentById(db, locator.appointmentId) : undefined;
    if (!row || isErased(row)) throw new AppError('not_found', 'There is no such appointment.');
    return row;
  }
  const code = canonicalCode(locator.code);
  const row = /^[A-Z0-9]{6,12}$/.test(code) ? await findAppointmentByCode(db, code) : undefined;
  // Hash even when the code is unknown, so the answer takes as long either way.
  const matches = manageSecretMatches(locator.manageSecret, row?.manage_secret_hash ?? '0'.repeat(64));
  if (!row || !matches || isErased(row)) throw notFound();
  return row;
}

/**
 * An appointment whose personal data was erased after the retention period is kept only for
 * the statistics: nobody can look it up, change or cancel it any more.
 */
function isErased(row: LocatedAppointment): boolean {
  return row.person_name === null;
}
