import { residenceTitleKinds } from '../case-files/index.ts';
import { listLocations, listServices } from '../office/index.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { InvitationPolicy } from './invitation-policy.ts';
import { policyRow, titleServiceRows } from './invitation-settings-store.ts';
import type { SettingsDeps } from './save-invitation-settings.ts';

export type InvitationSettings = {
  policy: InvitationPolicy & { version: number };
  kinds: { code: string; name: string }[];
  mappings: {
    kind: string;
    kindName: string;
    serviceId: string;
    serviceName: string;
    /** An inactive service is still shown, so the administrator sees why nobody of this kind is invited. */
    serviceActive: boolean;
    locationNames: string[];
    version: number;
  }[];
  /** The active services, to choose from. */
  services: { id: string; name: string }[];
};

/** The settings page's content: the policy with its version, the mappings with where each service is offered. */
export async function invitationSettings(deps: SettingsDeps, ctx: ChangeContext): Promise<InvitationSettings> {
  await authorizeChange(deps, ctx, 'office.manage');
  const [row, mappings, services, locations] = await Promise.all([
    policyRow(deps.db),
    titleServiceRows(deps.db),
    listServices(deps, { lang: 'de' }),
    listLocations(deps),
  ]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const kindName = (code: string) => residenceTitleKinds[code as keyof typeof residenceTitleKinds] ?? code;
  return {
    policy: row,
    kinds: Object.entries(residenceTitleKinds).map(([code, name]) => ({ code, name })),
    mappings: mappings.map((m) => {
      const service = services.find((s) => s.id === m.service_id);
      return {
        kind: m.title_kind,
        kindName: kindName(m.title_kind),
        serviceId: m.service_id,
        serviceName: service?.name ?? m.service_id,
        serviceActive: service !== undefined,
        locationNames: (service?.locationIds ?? []).flatMap((id) => locationName.get(id) ?? []),
        version: m.version,
      };
    }),
    services: services.map((s) => ({ id: s.id, name: s.name })),
  };
}
