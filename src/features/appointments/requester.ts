/**
 * Who asks the appointment engine (for free times, a booking, a change): a citizen online, or a
 * staff member (phone customers, clerks placing appointments in their own hours). Staff see
 * same-day slots before their release and are not held to lead times. Not the staff `Actor` of
 * staff/roles.ts, which is a signed-in account with its role and locations.
 */
export type Requester = { channel: 'online' } | { channel: 'staff'; staffId: string };

export const onlineRequester: Requester = { channel: 'online' };
