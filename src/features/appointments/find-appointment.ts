import type { Database } from '../../db/database.ts';
import type { Requester } from './requester.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { locateAppointment, type AppointmentLocator } from './manage-appointment.ts';

export async function findAppointment(deps: { db: Database }, locator: AppointmentLocator, actor: Requester): Promise<AppointmentView> {
  const row = await locateAppointment(deps.db, locator, actor);
  return toAppointmentView(row, row.time_zone);
}
