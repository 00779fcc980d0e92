/** Invitations before a residence title expires (issue 15): runs, letters, mails, reminders, releases, figures. */
export { runInvitations, type RunSummary, type SkipReason } from './run-invitations.ts';
export { releaseRunLetters } from './release-letters.ts';
export { remindAndRelease } from './remind-and-release.ts';
export { startInvitationJob, invitationJobType } from './invitation-job.ts';
export { loadPolicy, type InvitationPolicy } from './invitation-policy.ts';
export type { InvitationDeps } from './invitation-deps.ts';
export { shortLinkRoutes } from './portal/short-link-routes.ts';
export { invitationStaffRoutes } from './staff/invitation-routes.tsx';
export { invitationFigures, type InvitationFigures } from './invitation-figures.ts';
export { importTitles, type TitleImportReport } from './import-titles.ts';
export { titleFileMaxBytes, titleImportPath } from './decode-title-file.ts';
