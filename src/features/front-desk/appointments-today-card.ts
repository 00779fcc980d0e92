import type { Clock } from '../../shared/clock.ts';
import { localTime, officeDay, officeDayBounds } from '../../shared/office-day.ts';
import { dayAppointmentOverview } from '../appointments/index.ts';
import { can, roleMay, type HomeCardSource } from '../staff/index.ts';
import { locationsByIds, type Db } from './front-desk-store.ts';

const nextShown = 3;

/**
 * The start page's cards of today's appointments, one per location the viewer works at: the count
 * and the next few with time and service. Counts are figures of a location (no names), which its
 * staff may see; the card is for those with a page of the day's appointments behind it: reception's
 * list (appointment.check_in) or else the own calendar (calendar.read_own). "Today" is the
 * location's day at the clock's now.
 */
export function appointmentsTodayCard(deps: { db: Db; clock: Clock }): HomeCardSource {
  return async ({ actor, t }) => {
    const reception = roleMay(actor.role, 'appointment.check_in');
    if (!reception && !roleMay(actor.role, 'calendar.read_own')) return [];
    const now = deps.clock.now();
    const locations = await locationsByIds(deps.db, actor.locationIds);
    return Promise.all(
      locations.map(async (location) => {
        const { start, end } = officeDayBounds(officeDay(now, location.time_zone), location.time_zone);
        const overview = await dayAppointmentOverview(deps.db, { locationId: location.id, from: start, to: end, now, next: nextShown });
        const toReception = reception && can(actor, 'appointment.check_in', { locationId: location.id });
        return {
          key: `appointments-${location.id}`,
          title: t('staff.frontdesk.home.title', { location: location.name }),
          countText: t('staff.frontdesk.home.count', { count: overview.total }),
          list: {
            heading: t('staff.frontdesk.home.next'),
            entries: overview.next.map((a) => t('staff.frontdesk.home.entry', { time: localTime(a.startsAt, location.time_zone), service: a.serviceName })),
          },
          link: toReception
            ? { href: `/reception?location=${location.id}`, label: t('staff.frontdesk.home.to_reception') }
            : { href: '/staff/calendar', label: t('staff.frontdesk.home.to_calendar') },
        };
      }),
    );
  };
}
