import { can, type HomeCardSource } from '../staff/index.ts';
import type { MessageDeps } from './message-deps.ts';
import { countUnansweredMessages } from './message-store.ts';

/**
 * The start page's card of unanswered citizen messages at the viewer's locations: for those who may
 * read the messages' inbox there (case_file.read, as /staff/messages asks).
 */
export function unansweredMessagesCard(deps: Pick<MessageDeps, 'db'>): HomeCardSource {
  return async ({ actor, t }) => {
    const locationIds = actor.locationIds.filter((locationId) => can(actor, 'case_file.read', { locationId }));
    if (locationIds.length === 0) return [];
    const count = await countUnansweredMessages(deps.db, locationIds);
    return [
      {
        key: 'messages',
        title: t('staff.messages.home.title'),
        countText: t('staff.messages.home.count', { count }),
        link: { href: '/staff/messages', label: t('staff.messages.home.link') },
      },
    ];
  };
}
