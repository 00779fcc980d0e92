import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';

/**
 * Entries hold personal data (name, date of birth, e-mail) for one day's draw; they go after the
 * portal's retention period like a past appointment's data. The draw's figures stay on its row.
 */
export async function eraseOldEntries(deps: { db: Database; clock: Clock }, retentionDays: number): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const erased = await deps.db.deleteFrom('lottery_entry').where('day', '<', before).where('outcome', '<>', 'won').executeTakeFirst();
  return Number(erased.numDeletedRows);
}
