import type { Database } from '../../db/database.ts';
import type { StaffActor } from '../staff/index.ts';
import { listLocations, listServices } from '../office/index.ts';

export type DrawFigure = {
  day: string;
  service: string;
  location: string;
  drawnAt: Date;
  entrants: number;
  times: number;
  winners: number;
  booked: number;
  expired: number;
  /** Winners whose hold still runs. */
  open: number;
  seed: string;
};

/**
 * The figures of each draw, newest first, at the locations the staff member works at (all for an
 * admin). Counts and the seed only: who entered or won is not shown.
 */
export async function lotteryFigures(deps: { db: Database }, actor: StaffActor, options: { days: number; now: Date }): Promise<DrawFigure[]> {
  const [services, locations] = await Promise.all([listServices(deps, { lang: 'de' }), listLocations(deps)]);
  const visible = locations.filter((l) => actor.role === 'admin' || actor.locationIds.includes(l.id));
  if (visible.length === 0) return [];
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  const rows = await deps.db
    .selectFrom('lottery_draw')
    .selectAll()
    .where(
      'location_id',
      'in',
      visible.map((l) => l.id),
    )
    .where('day', '>=', since.toISOString().slice(0, 10))
    .orderBy('day', 'desc')
    .orderBy('drawn_at', 'desc')
    .execute();
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return rows.map((r) => ({
    day: r.day,
    service: serviceName.get(r.service_id) ?? '—',
    location: locationName.get(r.location_id) ?? '—',
    drawnAt: r.drawn_at,
    entrants: r.entrants,
    times: r.times,
    winners: r.winners,
    booked: r.booked,
    expired: r.expired,
    open: r.winners - r.booked - r.expired,
    seed: r.seed,
  }));
}
