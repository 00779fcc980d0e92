import { z } from 'zod';
import { staffRoles, type StaffRole } from '../roles.ts';

/** One group (or role) of the identity provider and what it grants in Lotse. */
export type GroupRule = { role: StaffRole; locations: readonly string[] };

/** OpenID Connect settings (src/config.ts); absent when the office has no identity provider. */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL + /staff/sso/callback, registered at the identity provider. */
  redirectUrl: string;
  scopes: string;
  usernameClaim: string;
  nameClaim: string;
  /** A claim name or a dotted path (`realm_access.roles`) to a list of strings. */
  groupsClaim: string;
  /** Group name → role and location slugs. */
  groupMap: ReadonlyMap<string, GroupRule>;
};

export const ssoCallbackPath = '/staff/sso/callback';

const groupRuleSchema = z.strictObject({
  role: z.enum(staffRoles),
  locations: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a location slug'))
    .max(100)
    .default([]),
});
const groupMapSchema = z.record(z.string().min(1).max(500), groupRuleSchema).refine((map) => Object.keys(map).length > 0, 'names at least one group');

/** Parses LOTSE_OIDC_GROUP_MAP: `{"<group>": {"role": "clerk", "locations": ["wetzlar"]}, …}`. */
export function parseGroupMap(text: string): { map: Map<string, GroupRule> } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'must be JSON, e.g. {"lotse-admins": {"role": "admin"}, "wetzlar-clerks": {"role": "clerk", "locations": ["wetzlar"]}}' };
  }
  const parsed = groupMapSchema.safeParse(json);
  if (!parsed.success) return { error: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(map)'}: ${issue.message}`).join('; ') };
  return { map: new Map(Object.entries(parsed.data)) };
}

/** The issuer must be https; plain http only on this machine (a test provider, a local Keycloak). */
export function issuerProblem(issuer: string): string | undefined {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return 'must be an https:// URL (http:// only for localhost)';
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
