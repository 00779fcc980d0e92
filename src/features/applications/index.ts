/**
 * What other parts may use of online applications (issue 14). Routes are mounted by src/app.tsx
 * from their files.
 */
export { checkedDraft } from './save-form-draft.ts';
export { formTextsDigest } from './form-texts.ts';
export { applicationsPerFormAndWeek, type ApplicationWeek } from './application-figures.ts';
export { startDraftSweep } from './sweep-abandoned-drafts.ts';
export { newApplicationsCard } from './new-applications-card.ts';
