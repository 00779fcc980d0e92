import type { Database } from '../../db/database.ts';
import { can, type HomeCardSource } from '../staff/index.ts';
import { countSubmittedApplications } from './inbox-store.ts';

/**
 * The start page's card of online applications not yet taken up at the viewer's locations: for
 * those who may work the inbox there (case_file.write, as /staff/applications asks).
 */
export function newApplicationsCard(deps: { db: Database }): HomeCardSource {
  return async ({ actor, t }) => {
    const locationIds = actor.locationIds.filter((locationId) => can(actor, 'case_file.write', { locationId }));
    if (locationIds.length === 0) return [];
    const count = await countSubmittedApplications(deps.db, locationIds);
    return [
      {
        key: 'applications',
        title: t('staff.applications.home.title'),
        countText: t('staff.applications.home.count', { count }),
        link: { href: '/staff/applications', label: t('staff.applications.home.link') },
      },
    ];
  };
}
