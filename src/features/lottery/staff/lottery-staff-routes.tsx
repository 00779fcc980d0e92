import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { Database } from '../../../db/database.ts';
import { formatShortDay } from '../../../web/format.ts';
import { currentStaff, requireStaff, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import { lotteryFigures } from '../lottery-figures.ts';

/** The office's figures of each same-day lottery (`/staff/lottery`), the last 90 days. */
export function lotteryStaffRoutes(deps: Parameters<typeof requireStaff>[0] & { db: Database; clock: Clock }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/lottery', requireStaff(deps));
  routes.get('/staff/lottery', async (c) => {
    const t = staffT(c);
    const lang = staffLang(c);
    const draws = await lotteryFigures(deps, currentStaff(c), { days: 90, now: deps.clock.now() });
    const columns = ['day', 'service', 'location', 'entrants', 'times', 'winners', 'booked', 'expired', 'waiting', 'seed'] as const;
    return c.html(
      <StaffLayout c={c} title={t('staff.lottery.title')} wide>
        <h1>{t('staff.lottery.title')}</h1>
        <p>{t('staff.lottery.intro')}</p>
        {draws.length === 0 ? (
          <p>{t('staff.lottery.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th scope="col">{t(`staff.lottery.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draws.map((d) => (
                <tr>
                  <td>{formatShortDay(lang, d.day)}</td>
                  <td>{d.service}</td>
                  <td>{d.location}</td>
                  {[d.entrants, d.times, d.winners, d.booked, d.expired, d.open].map((count) => (
                    <td>{count}</td>
                  ))}
                  <td>
                    <code>{d.seed}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </StaffLayout>,
    );
  });
  return routes;
}
