import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { tableCsv, tablesXlsx } from '../../../platform/export/table-file.ts';
import { AppError } from '../../../shared/app-error.ts';
import { appointmentShareGoal } from '../../front-desk/index.ts';
import { listLocations } from '../../office/index.ts';
import { currentStaff, requireStaff, staffT, type StaffActor } from '../../staff/index.ts';
import { figureSheets, figureTables } from '../figures-export.ts';
import { periodFigures, type FiguresDeps } from '../period-figures.ts';
import { PeriodFiguresPage } from './figures-pages.tsx';

const query = z.object({ location: z.uuid().optional(), from: z.iso.date().optional(), to: z.iso.date().optional() });

/** The office's figures over a period (`/staff/figures`), with each table as CSV and all as one workbook. */
export function figuresRoutes(deps: FiguresDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/figures', requireStaff(deps));
  routes.use('/staff/figures/*', requireStaff(deps));
  routes.use('/staff/figures.xlsx', requireStaff(deps));

  const load = async (actor: StaffActor, raw: Record<string, string>) => {
    const parsed = query.safeParse(raw);
    if (!parsed.success) throw new AppError('validation_failed', 'Choose a location and the first and last day (YYYY-MM-DD).');
    const choices = (await listLocations(deps)).filter((l) => actor.role === 'admin' || actor.locationIds.includes(l.id));
    const locationId = parsed.data.location ?? choices[0]?.id;
    if (!locationId) throw new AppError('forbidden', 'You work at no location: there are no figures to show.');
    const figures = await periodFigures(deps, actor, { locationId, from: parsed.data.from, to: parsed.data.to });
    return { figures, choices: choices.map((l) => ({ id: l.id, name: l.name })) };
  };
  const fileName = (what: string, figures: { from: string; to: string }) => `Kennzahlen-${what}-${figures.from}-${figures.to}`;

  routes.get('/staff/figures', async (c) => {
    const { figures, choices } = await load(currentStaff(c), c.req.query());
    return c.html(<PeriodFiguresPage c={c} figures={figures} locations={choices} goal={appointmentShareGoal} />);
  });

  routes.get('/staff/figures/:table{[a-z]+\\.csv}', async (c) => {
    const table = figureTables.find((name) => c.req.param('table') === `${name}.csv`);
    if (!table) throw new AppError('not_found', 'There is no such table.');
    const { figures } = await load(currentStaff(c), c.req.query());
    return c.body(tableCsv(figureSheets(figures, staffT(c))[table].rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(table, figures)}.csv"`,
      'cache-control': 'no-store',
    });
  });

  routes.get('/staff/figures.xlsx', async (c) => {
    const { figures } = await load(currentStaff(c), c.req.query());
    const sheets = figureSheets(figures, staffT(c));
    return c.body(new Uint8Array(await tablesXlsx(figureTables.map((table) => sheets[table]))), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${fileName('alle', figures)}.xlsx"`,
      'cache-control': 'no-store',
    });
  });

  return routes;
}
