/**
 * Messages instead of calls (issue 14). Routes are mounted by app.tsx from their files; other
 * features (the figures) read through here.
 */
export { messageFigures, type MessageWeek } from './message-figures.ts';
export type { MessageDeps } from './message-deps.ts';
export { eraseExpiredMessages } from './erase-expired-messages.ts';
export { unansweredMessagesCard } from './unanswered-messages-card.ts';
