import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../platform/log.ts';
import { manageToken, portalKeyLoader } from '../portal/index.ts';
import { queueAppointmentMails } from './appointment-mails.ts';
import { createAppointmentNotices, type AppointmentNotices } from './appointment-notices.ts';
import type { AppointmentChange, AppointmentNotifier, NoticedAppointment } from './appointment-notifier.ts';
import { findNoticedAppointment } from './noticed-appointment-store.ts';
import { loadMailContext } from './reminder-job.ts';

const mailKind = { booked: 'confirmation', cancelled: 'cancelled', moved: 'moved', existing: 'existing' } as const;

/**
 * The one place that tells a person about a change of their appointment, whoever made it
 * (the portal's pages, the JSON API, staff): confirmation with .ics and the change/cancel
 * link, cancellation, move; and the reminder planned for the new time. Runs inside the
 * change's transaction and reads through it, so it sees the change before it commits.
 */
export function createAppointmentNotifier(deps: { jobs: Jobs; clock: Clock; publicUrl: string; key(): Promise<string> }): AppointmentNotifier {
  // Service texts and the address are the same for every mail of a burst of bookings: read once
  // a minute, not three queries per mail (an edited text shows in mails within a minute).
  const contexts = new Map<string, { at: number; context: Promise<Awaited<ReturnType<typeof loadMailContext>>> }>();
  const mailContext = (trx: Parameters<AppointmentNotifier['changed']>[0], appointment: NoticedAppointment) => {
    const key = `${appointment.service_id}|${appointment.location_id}|${appointment.language}`;
    // Age of a cache entry on the process's monotonic clock: no office time is involved.
    const now = performance.now();
    let cached = contexts.get(key);
    if (!cached || now - cached.at > 60_000) {
      if (contexts.size > 500) contexts.clear();
      cached = { at: now, context: loadMailContext(trx, appointment) };
      contexts.set(key, cached);
      cached.context.catch(() => contexts.delete(key));
    }
    return cached.context;
  };
  return {
    async changed(trx, change: AppointmentChange) {
      const appointment = change.appointment ?? (await findNoticedAppointment(trx, change.appointmentId));
      if (!appointment?.email) return;
      const context = await mailContext(trx, appointment);
      if (!context) return;
      const kind = mailKind[change.kind];
      const manageUrl =
        kind === 'cancelled'
          ? undefined
          : `${deps.publicUrl}/${appointment.language}/appointment/${appointment.code}?s=${manageToken(await deps.key(), appointment)}`;
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

/** The app's outbox of notices, delivered as the portal's mails (unless another deliverer is given). */
export function createPortalNotices(deps: {
  db: Database;
  jobs: Jobs;
  clock: Clock;
  publicUrl: string;
  hmacKey: string | undefined;
  logger?: Logger | undefined;
  deliverer?: AppointmentNotifier | undefined;
  /** Others told of every change in the same delivery (the waiting list hears of freed times). */
  watchers?: AppointmentNotifier[] | undefined;
}): AppointmentNotices {
  const mails = deps.deliverer ?? createAppointmentNotifier({ ...deps, key: portalKeyLoader(deps.db, deps.hmacKey) });
  const watchers = deps.watchers ?? [];
  const deliverer: AppointmentNotifier = {
    async changed(trx, change) {
      await mails.changed(trx, change);
      for (const watcher of watchers) await watcher.changed(trx, change);
    },
  };
  return createAppointmentNotices({ db: deps.db, deliverer, logger: deps.logger, batch: (trx, work) => deps.jobs.batched(trx, work) });
}
