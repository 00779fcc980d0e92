/** Erasing personal data after the retention period: the import surface for main.ts. */
export { eraseExpiredPersonalData, type RetentionRun } from './erase-expired-personal-data.ts';
export { retentionJob, retentionJobName, retentionSchedule, startRetentionJob } from './retention-job.ts';
