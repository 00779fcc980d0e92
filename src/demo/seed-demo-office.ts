import type { Database } from '../db/database.ts';
import type { Logger } from '../platform/log.ts';
import type { Clock } from '../shared/clock.ts';

/** Loads the demo office into an empty database. The appointment engine fills this in. */
export async function seedDemoOffice(_deps: { db: Database; clock: Clock; logger: Logger }): Promise<void> {}
