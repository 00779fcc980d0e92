import type { Channel } from './availability.ts';

/**
 * Who acts: a citizen online, or a staff member (phone customers, clerks placing appointments in
 * their own hours). Staff see same-day slots before their release and are not held to lead times.
 */
export type Actor = { channel: 'online' } | { channel: 'staff'; staffId: string };

export const onlineActor: Actor = { channel: 'online' };

export function channelOf(actor: Actor): Channel {
  return actor.channel;
}
