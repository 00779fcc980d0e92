import path from 'node:path';
import { z } from 'zod';
import { defaultPortalSettings, type PortalSettings } from './features/portal/portal-settings.ts';
import type { StaffAuthSettings } from './features/staff/auth-settings.ts';
import { issuerProblem, parseGroupMap, ssoCallbackPath, type OidcSettings } from './features/staff/sso/sso-settings.ts';
import { parseTrustedProxies } from './platform/http/client-ip.ts';
import type { BlobStoreSettings } from './platform/storage/blob-store.ts';

const booleanSetting = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  LOTSE_DATA_DIR: z.string().min(1).default('data'),
  LOTSE_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOTSE_DEMO: booleanSetting.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOTSE_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  LOTSE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LOTSE_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(3_000),
  LOTSE_TIME_ZONE: z.string().min(1).default('Europe/Berlin'),
  LOTSE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOTSE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(10),
  LOTSE_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOTSE_SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10_000).default(50),
  LOTSE_SIGNIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOTSE_OIDC_ISSUER: z.url().optional(),
  LOTSE_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  LOTSE_OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  LOTSE_OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid profile email'),
  LOTSE_OIDC_USERNAME_CLAIM: z.string().min(1).max(200).default('preferred_username'),
  LOTSE_OIDC_NAME_CLAIM: z.string().min(1).max(200).default('name'),
  LOTSE_OIDC_GROUPS_CLAIM: z.string().min(1).max(200).default('groups'),
  LOTSE_OIDC_GROUP_MAP: z.string().max(20_000).optional(),
  LOTSE_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be false, true, or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal' });
        return z.NEVER;
      }
    }),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Ausländerbehörde <noreply@lotse.localhost>'),
  LOTSE_OUTBOX_DIR: z.string().min(1).optional(),
  LOTSE_BLOB_S3_URL: z.url().optional(),
  LOTSE_BLOB_STAGING_DIR: z.string().min(1).optional(),
  LOTSE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 ** 3)
    .default(100 * 1024 * 1024),
  LOTSE_CLAMD_ADDRESS: z
    .string()
    .regex(/^(\/.+|.+:\d{1,5})$/, 'must be host:port or the path of a unix socket (/run/clamav/clamd.ctl)')
    .optional(),
  LOTSE_PORTAL_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').max(200).optional(),
  LOTSE_POW_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(150_000),
  LOTSE_POW_EXPIRES_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  LOTSE_BOOKINGS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(12),
  LOTSE_BOOKINGS_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).max(1000).default(4),
  LOTSE_NOSCRIPT_BOOKINGS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(3),
  LOTSE_LOOKUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  LOTSE_APPLICATION_STARTS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  LOTSE_APPLICATION_DRAFT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LOTSE_RELEASE_DELAY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  LOTSE_WAITING_LIST_OFFER_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(30),
  LOTSE_API_PROOF_OF_WORK: booleanSetting.default(true),
  LOTSE_PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LOTSE_MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
  LOTSE_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').max(200).optional(),
});

export type Config = {
  /** NODE_ENV=production: no demo data, and the settings of a real install are required. */
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  embeddedPgPort: number;
  demo: boolean;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  shutdownGraceMs: number;
  shutdownDrainMs: number;
  timeZone: string;
  staffAuth: StaffAuthSettings;
  /** Single sign-on for staff (OpenID Connect); undefined without an identity provider. */
  oidc: OidcSettings | undefined;
  /** proxy-addr trust entries for X-Forwarded-For (empty: no proxy). */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /** Document bytes: an S3-compatible bucket (LOTSE_BLOB_S3_URL), else `<data folder>/blobs`. */
  blobs: BlobStoreSettings;
  /** Largest document upload; counted while it streams in (the body limit does not apply to uploads). */
  uploadMaxBytes: number;
  /** clamd (host:port or a unix socket); when set, every upload (applicants', staff documents, message attachments, imports) is scanned before it is accepted. */
  clamdAddress: string | undefined;
  portal: PortalSettings;
  /** Bearer token for /metrics; unset: /metrics does not exist. */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {}

/** Parses the environment once; nothing else in Lotse reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid setting(s):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (!isKnownTimeZone(c.LOTSE_TIME_ZONE)) {
    throw new ConfigError(`Invalid setting(s):\n  LOTSE_TIME_ZONE: unknown time zone "${c.LOTSE_TIME_ZONE}"`);
  }
  const production = c.NODE_ENV === 'production';
  if (production) refuseUnfitForProduction(c);
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    production,
    port: c.PORT,
    host: c.HOST,
    publicUrl,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    dataDir: path.resolve(c.LOTSE_DATA_DIR),
    embeddedPgPort: c.LOTSE_EMBEDDED_PG_PORT,
    demo: c.LOTSE_DEMO,
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.LOTSE_BODY_LIMIT_BYTES,
    shutdownGraceMs: c.LOTSE_SHUTDOWN_GRACE_MS,
    shutdownDrainMs: c.LOTSE_SHUTDOWN_DRAIN_MS,
    timeZone: c.LOTSE_TIME_ZONE,
    staffAuth: {
      sessionIdleMs: c.LOTSE_SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: c.LOTSE_SESSION_ABSOLUTE_HOURS * 3_600_000,
      maxAccountFailures: c.LOTSE_SIGNIN_MAX_FAILURES,
      maxIpFailures: c.LOTSE_SIGNIN_MAX_FAILURES_PER_IP,
      lockoutMs: c.LOTSE_SIGNIN_LOCKOUT_MINUTES * 60_000,
      secureCookies: publicUrl.startsWith('https://'),
      publicOrigin: new URL(publicUrl).origin,
    },
    oidc: oidcSettings(c, publicUrl),
    trustedProxies: c.LOTSE_TRUST_PROXY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    outboxDir: path.resolve(c.LOTSE_OUTBOX_DIR ?? path.join(c.LOTSE_DATA_DIR, 'outbox')),
    blobs: c.LOTSE_BLOB_S3_URL
      ? { s3Url: c.LOTSE_BLOB_S3_URL, temporaryFolder: path.resolve(c.LOTSE_BLOB_STAGING_DIR ?? path.join(c.LOTSE_DATA_DIR, 'blob-staging')) }
      : { folder: path.resolve(c.LOTSE_DATA_DIR, 'blobs') },
    uploadMaxBytes: c.LOTSE_UPLOAD_MAX_BYTES,
    clamdAddress: c.LOTSE_CLAMD_ADDRESS,
    portal: {
      ...defaultPortalSettings,
      hmacKey: c.LOTSE_PORTAL_HMAC_KEY,
      powMaxNumber: c.LOTSE_POW_MAX_NUMBER,
      powExpiresMinutes: c.LOTSE_POW_EXPIRES_MINUTES,
      bookingsPerIpPerHour: c.LOTSE_BOOKINGS_PER_IP_PER_HOUR,
      bookingsPerEmailPerDay: c.LOTSE_BOOKINGS_PER_EMAIL_PER_DAY,
      noScriptBookingsPerIpPerHour: c.LOTSE_NOSCRIPT_BOOKINGS_PER_IP_PER_HOUR,
      lookupsPerIpPerHour: c.LOTSE_LOOKUPS_PER_IP_PER_HOUR,
      applicationStartsPerIpPerHour: c.LOTSE_APPLICATION_STARTS_PER_IP_PER_HOUR,
      applicationDraftDays: c.LOTSE_APPLICATION_DRAFT_DAYS,
      releaseDelayMinutes: c.LOTSE_RELEASE_DELAY_MINUTES,
      waitingListOfferMinutes: c.LOTSE_WAITING_LIST_OFFER_MINUTES,
      guardApi: c.LOTSE_API_PROOF_OF_WORK,
      personalDataRetentionDays: c.LOTSE_PERSONAL_DATA_RETENTION_DAYS,
      messageRetentionDays: c.LOTSE_MESSAGE_RETENTION_DAYS,
    },
    metricsToken: c.LOTSE_METRICS_TOKEN,
  };
}

/**
 * What a real install must set. The defaults (demo office, embedded database, http://localhost,
 * mails as files) make `npm start` work on a laptop and would be wrong for an office's citizens.
 */
function refuseUnfitForProduction(c: z.infer<typeof configSchema>): void {
  const problems: string[] = [];
  if (c.LOTSE_DEMO) problems.push('LOTSE_DEMO: must be set to false (the demo office and its demo sign-ins are not for real data)');
  if (!c.PUBLIC_URL?.startsWith('https://'))
    problems.push('PUBLIC_URL: must be the https:// address citizens reach Lotse at (links in e-mails, secure cookies)');
  if (!c.DATABASE_URL) problems.push("DATABASE_URL: must point at the office's PostgreSQL (the embedded database is for trying Lotse out)");
  if (!c.SMTP_URL) problems.push('SMTP_URL: must name the mail server (without it, e-mails only land as files in the outbox folder)');
  if (problems.length === 0) return;
  throw new ConfigError(`NODE_ENV=production needs these settings:\n${problems.map((line) => `  ${line}`).join('\n')}`);
}

/** All four of issuer, client id, secret and group map, or none: half a configuration is a mistake. */
function oidcSettings(c: z.infer<typeof configSchema>, publicUrl: string): OidcSettings | undefined {
  const required = {
    LOTSE_OIDC_ISSUER: c.LOTSE_OIDC_ISSUER,
    LOTSE_OIDC_CLIENT_ID: c.LOTSE_OIDC_CLIENT_ID,
    LOTSE_OIDC_CLIENT_SECRET: c.LOTSE_OIDC_CLIENT_SECRET,
    LOTSE_OIDC_GROUP_MAP: c.LOTSE_OIDC_GROUP_MAP,
  };
  const missing = Object.entries(required).filter(([, value]) => value === undefined);
  if (missing.length === 4) return undefined;
  const problems = missing.map(([name]) => `  ${name}: must be set too for single sign-on (or unset every LOTSE_OIDC_* setting)`);
  const issuerIssue = c.LOTSE_OIDC_ISSUER ? issuerProblem(c.LOTSE_OIDC_ISSUER) : undefined;
  if (issuerIssue) problems.push(`  LOTSE_OIDC_ISSUER: ${issuerIssue}`);
  const groupMap = c.LOTSE_OIDC_GROUP_MAP === undefined ? undefined : parseGroupMap(c.LOTSE_OIDC_GROUP_MAP);
  if (groupMap && 'error' in groupMap) problems.push(`  LOTSE_OIDC_GROUP_MAP: ${groupMap.error}`);
  if (problems.length > 0 || !groupMap || 'error' in groupMap) throw new ConfigError(`Invalid setting(s):\n${problems.join('\n')}`);
  return {
    issuer: c.LOTSE_OIDC_ISSUER as string,
    clientId: c.LOTSE_OIDC_CLIENT_ID as string,
    clientSecret: c.LOTSE_OIDC_CLIENT_SECRET as string,
    redirectUrl: `${publicUrl}${ssoCallbackPath}`,
    scopes: c.LOTSE_OIDC_SCOPES,
    usernameClaim: c.LOTSE_OIDC_USERNAME_CLAIM,
    nameClaim: c.LOTSE_OIDC_NAME_CLAIM,
    groupsClaim: c.LOTSE_OIDC_GROUPS_CLAIM,
    groupMap: groupMap.map,
  };
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
