/**
 * The status look-up and its notices (issue 14). app.tsx mounts the routes by file path; main.ts
 * starts the notice delivery.
 */
export { deliverNotices, deliverNoticesJobType, startStatusNotices, type NoticeDeps } from './deliver-notices.ts';
export { lookUpStatus, type StatusAnswer } from './look-up-status.ts';
export { lookupsAndCalls, noticesInPeriod, type LookupDay, type NoticeFigure } from './lookup-figures.ts';
export { documentKinds, requestDocuments } from './document-requests.ts';
