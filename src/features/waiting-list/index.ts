/** The waiting list's import surface: its portal pages, jobs and figures for the composition root and the figures page. */
export { waitingListPortalRoutes } from './portal/waiting-list-routes.tsx';
export { startWaitingListJobs, waitingListWatcher } from './start-waiting-list-jobs.ts';
export { defaultWaitingListSettings, type WaitingListDeps, type WaitingListSettings } from './waiting-list-deps.ts';
export { waitingListFigures, type WaitingListFigures } from './waiting-list-figures.ts';
