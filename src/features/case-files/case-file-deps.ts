import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';

/** What the case file's use cases need: the database and the clock, nothing else. */
export type CaseFileDeps = { db: Database; clock: Clock };

/** Where an action comes from, for the audit trail (routes fill it; jobs and the import leave it out). */
export type Origin = { screen?: string | undefined; ip?: string | undefined };
