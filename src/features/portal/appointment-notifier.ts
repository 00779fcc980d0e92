import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppointmentChange, AppointmentNotifier } from '../appointments/index.ts';
import { queueAppointmentMails } from './appointment-mails.ts';
import type { AppointmentRow } from './portal-engine.ts';
import { manageToken } from './portal-security.ts';
import { loadMailContext } from './reminder-job.ts';

const columns = ['id', 'code', 'service_id', 'location_id', 'starts_at', 'ends_at', 'status', 'person_name', 'date_of_birth', 'email', 'language', 'manage_secret_hash'] as const;
const mailKind = { booked: 'confirmation', cancelled: 'cancelled', moved: 'moved' } as const;

/**
 * The one place that tells a person about a change of their appointment, whoever made it
 * (the portal's pages, the JSON API, staff): confirmation with .ics and the change/cancel
 * link, cancellation, move; and the reminder planned for the new time. Runs inside the
 * change's transaction and reads through it, so it sees the change before it commits.
 */
export function createAppointmentNotifier(deps: { jobs: Jobs; clock: Clock; publicUrl: string; key(): Promise<string> }): AppointmentNotifier {
  return {
    async changed(trx, change: AppointmentChange) {
      const appointment = (await trx.selectFrom('appointment').select(columns).where('id', '=', change.appointmentId).executeTakeFirst()) as AppointmentRow | undefined;
      if (!appointment || !appointment.email) return;
      const context = await loadMailContext(trx, appointment);
      if (!context) return;
      const kind = mailKind[change.kind];
      const manageUrl =
        kind === 'cancelled' ? undefined : `${deps.publicUrl}/${appointment.language}/appointment/${appointment.code}?s=${manageToken(await deps.key(), appointment)}`;
      await queueAppointmentMails(deps.jobs, trx, kind, {
        appointment,
        ...context,
        publicUrl: deps.publicUrl,
        manageUrl,
        now: deps.clock.now(),
        byOffice: change.actor.channel === 'staff',
        note: change.note,
      });
    },
  };
}
