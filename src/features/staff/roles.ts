/** Roles of people who sign in, and of devices that hold a device token. */
export const staffRoles = ['admin', 'team_lead', 'clerk', 'reception'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const deviceKinds = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof deviceKinds)[number];
export type Role = StaffRole | DeviceKind;
export const allRoles: readonly Role[] = [...staffRoles, ...deviceKinds];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}

/** Who is acting: a signed-in staff member (session or API token) or a location-bound device. */
export type StaffActor = {
  kind: 'staff';
  staffId: string;
  displayName: string;
  username: string;
  role: StaffRole;
  locationIds: readonly string[];
  specialtyIds: readonly string[];
  via: 'session' | 'api_token';
};
export type DeviceActor = { kind: 'device'; deviceId: string; role: DeviceKind; locationId: string; name: string };
export type Actor = StaffActor | DeviceActor;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'staff' ? `${actor.username} (${actor.role})` : `device ${actor.name} (${actor.role})`;
}
