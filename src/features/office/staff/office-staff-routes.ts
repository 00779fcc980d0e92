import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { AppointmentNotifier } from '../../appointments/index.ts';
import type { OfficeDeps } from '../office-change.ts';
import { closurePages } from './closure-pages.tsx';
import { infoPageAdmin } from './info-page-admin.tsx';
import { letterheadPages } from './letterhead-pages.tsx';
import { locationPages } from './location-pages.tsx';
import { servicePages } from './service-pages.tsx';
import { specialtyPages } from './specialty-pages.tsx';
import { walkInPages } from './walk-in-pages.tsx';

/** The office's staff pages: locations, walk-in hours, closures, letterheads, specialties, services and their texts, information pages. */
export function officeStaffRoutes(deps: OfficeDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  routes.route('/', servicePages(deps));
  routes.route('/', closurePages(deps));
  routes.route('/', walkInPages(deps));
  routes.route('/', letterheadPages(deps));
  routes.route('/', locationPages(deps));
  routes.route('/', specialtyPages(deps));
  return routes.route('/', infoPageAdmin(deps));
}
