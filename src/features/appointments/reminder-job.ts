import type { Database } from '../../db/database.ts';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import { sourceLang } from '../../web/i18n.ts';
import type { Clock } from '../../shared/clock.ts';
import { findLocationById, findServiceById, type ServiceView } from '../office/index.ts';
import { reminderJobType, renderAppointmentMail, type ReminderJob } from './appointment-mails.ts';
import type { NoticedAppointment } from './appointment-notifier.ts';
import { findNoticedAppointment, markReminderSent } from './noticed-appointment-store.ts';

/**
 * The reminder the day before. The job carries the start time it was planned for: a
 * cancelled or moved appointment finds its old reminder stale and sends nothing (the move
 * planned a new one). A marker row written with the mail keeps a retried job from sending twice.
 */
export function reminderJob(deps: { db: Database; jobs: Jobs; clock: Clock; publicUrl: string }): JobDefinition<ReminderJob> {
  return {
    type: reminderJobType,
    options: { retryLimit: 5, retryBackoff: true, retryDelay: 30, expireInSeconds: 60 },
    async handle(data) {
      const appointment = await findNoticedAppointment(deps.db, data.appointmentId);
      if (!appointment?.email || appointment.status !== 'booked' || new Date(appointment.starts_at).toISOString() !== data.startsAt) return;
      const context = await loadMailContext(deps.db, appointment);
      if (!context) return;
      const message = renderAppointmentMail('reminder', { appointment, ...context, publicUrl: deps.publicUrl, manageUrl: undefined, now: deps.clock.now() });
      await deps.db.transaction().execute(async (trx) => {
        if (await markReminderSent(trx, appointment.id, appointment.starts_at)) await enqueueMail(deps.jobs, message, { trx });
      });
    },
  };
}

export async function loadMailContext(db: Database, appointment: NoticedAppointment) {
  const own = await findServiceById({ db }, appointment.language, appointment.service_id);
  const german = await findServiceById({ db }, sourceLang, appointment.service_id);
  const location = await findLocationById({ db }, appointment.location_id);
  if (!own || !german || !location) return undefined;
  const service: Record<string, ServiceView> = { [sourceLang]: german, [appointment.language]: own };
  return { service, location };
}
