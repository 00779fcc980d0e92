/**
 * The appointments domain's second import surface, for the composition root (app.tsx, main.ts)
 * only: the citizen portal's booking and manage pages, the person's mails and reminder, and the
 * API's bot defence. They show office's catalogue (services, locations), while office's closures
 * use the engine (../index.ts); one surface for both would join the two into an import cycle
 * (docs/decisions.md, "2026-12-06 — The portal's pages in their domains").
 */
export { appointmentPortalRoutes } from './appointment-portal-routes.ts';
export { createEngineAdapter } from './engine-adapter.ts';
export type { PortalEngine } from './portal-engine.ts';
export { portalBookingGuard } from './api-guard.ts';
export { createAppointmentNotifier, createPortalNotices } from '../mail-notifier.ts';
export { reminderJob } from '../reminder-job.ts';
export { reminderJobType } from '../appointment-mails.ts';
