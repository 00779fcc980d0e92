import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give a working local setup', () => {
  const sut = loadConfig({});
  assert.equal(sut.port, 3000);
  assert.equal(sut.databaseUrl, undefined);
  assert.equal(sut.dataDir, path.resolve('data'));
  assert.equal(sut.demo, true);
  assert.equal(sut.publicUrl, 'http://localhost:3000');
  assert.equal(sut.timeZone, 'Europe/Berlin');
  assert.equal(sut.portal.personalDataRetentionDays, 30);
});

test('settings are read from the environment', () => {
  const sut = loadConfig({ PORT: '8080', LOTSE_DEMO: 'false', DATABASE_URL: 'postgres://u:p@db:5432/lotse', LOTSE_DATA_DIR: '/srv/lotse' });
  assert.equal(sut.port, 8080);
  assert.equal(sut.demo, false);
  assert.equal(sut.databaseUrl, 'postgres://u:p@db:5432/lotse');
  assert.equal(sut.dataDir, '/srv/lotse');
});

test('a wrong setting stops start-up with a message naming it', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ LOTSE_DEMO: 'maybe' }), /LOTSE_DEMO/);
  assert.throws(() => loadConfig({ LOTSE_TIME_ZONE: 'Mars/Olympus' }), /LOTSE_TIME_ZONE/);
  assert.throws(() => loadConfig({ LOTSE_PERSONAL_DATA_RETENTION_DAYS: '0' }), /LOTSE_PERSONAL_DATA_RETENTION_DAYS/);
  assert.throws(() => loadConfig({ LOTSE_PERSONAL_DATA_RETENTION_DAYS: '7.5' }), /LOTSE_PERSONAL_DATA_RETENTION_DAYS/);
});

test('the retention of personal data is a setting', () => {
  assert.equal(loadConfig({ LOTSE_PERSONAL_DATA_RETENTION_DAYS: '90' }).portal.personalDataRetentionDays, 90);
});

test('empty values count as unset', () => {
  assert.equal(loadConfig({ PORT: '' }).port, 3000);
});

test('LOTSE_TRUST_PROXY is false, true or a list of trusted proxies', () => {
  assert.deepEqual(loadConfig({}).trustedProxies, []);
  assert.deepEqual(loadConfig({ LOTSE_TRUST_PROXY: 'false' }).trustedProxies, []);
  assert.deepEqual(loadConfig({ LOTSE_TRUST_PROXY: 'true' }).trustedProxies, ['loopback', 'linklocal', 'uniquelocal']);
  assert.deepEqual(loadConfig({ LOTSE_TRUST_PROXY: '10.1.2.3, 192.168.0.0/24' }).trustedProxies, ['10.1.2.3', '192.168.0.0/24']);
  assert.throws(
    () => loadConfig({ LOTSE_TRUST_PROXY: 'proxy.example' }),
    (error: unknown) => error instanceof ConfigError && /LOTSE_TRUST_PROXY/.test(error.message),
  );
});

test('NODE_ENV=production refuses the demo defaults and names every setting a real install needs', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /LOTSE_DEMO/.test(error.message) &&
      /PUBLIC_URL/.test(error.message) &&
      /DATABASE_URL/.test(error.message) &&
      /SMTP_URL/.test(error.message),
  );
  const real = {
    NODE_ENV: 'production',
    LOTSE_DEMO: 'false',
    PUBLIC_URL: 'https://termine.example.org',
    DATABASE_URL: 'postgres://u:p@db/lotse',
    SMTP_URL: 'smtp://mail.example.org:25',
  };
  assert.equal(loadConfig(real).production, true);
  assert.throws(() => loadConfig({ ...real, PUBLIC_URL: 'http://termine.example.org' }), /PUBLIC_URL: must be the https/);
  assert.throws(
    () => loadConfig({ ...real, LOTSE_DEMO: 'true' }),
    (error: unknown) => /LOTSE_DEMO/.test(String(error)) && !/PUBLIC_URL/.test(String(error)),
  );
  assert.equal(loadConfig({ LOTSE_DEMO: 'true' }).production, false, 'outside production the defaults stay');
});

test('single sign-on: off without settings; all four together, the redirect URL from PUBLIC_URL', () => {
  assert.equal(loadConfig({}).oidc, undefined);
  const oidc = loadConfig({
    PUBLIC_URL: 'https://termine.example.org/',
    LOTSE_OIDC_ISSUER: 'https://sso.example.org/realms/landkreis',
    LOTSE_OIDC_CLIENT_ID: 'lotse',
    LOTSE_OIDC_CLIENT_SECRET: 'not-logged',
    LOTSE_OIDC_GROUP_MAP: '{"lotse-admins": {"role": "admin"}, "wetzlar": {"role": "clerk", "locations": ["wetzlar"]}}',
    LOTSE_OIDC_GROUPS_CLAIM: 'realm_access.roles',
  }).oidc;
  assert.equal(oidc?.redirectUrl, 'https://termine.example.org/staff/sso/callback');
  assert.equal(oidc?.usernameClaim, 'preferred_username');
  assert.equal(oidc?.groupsClaim, 'realm_access.roles');
  assert.deepEqual(oidc?.groupMap.get('wetzlar'), { role: 'clerk', locations: ['wetzlar'] });
  assert.throws(
    () => loadConfig({ LOTSE_OIDC_ISSUER: 'https://sso.example.org' }),
    /LOTSE_OIDC_CLIENT_ID.*\n.*LOTSE_OIDC_CLIENT_SECRET.*\n.*LOTSE_OIDC_GROUP_MAP/,
  );
  const complete = { LOTSE_OIDC_CLIENT_ID: 'lotse', LOTSE_OIDC_CLIENT_SECRET: 's', LOTSE_OIDC_GROUP_MAP: '{"a": {"role": "clerk"}}' };
  assert.throws(() => loadConfig({ ...complete, LOTSE_OIDC_ISSUER: 'http://sso.example.org' }), /LOTSE_OIDC_ISSUER: must be an https/);
  assert.equal(loadConfig({ ...complete, LOTSE_OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer, 'http://127.0.0.1:8080');
  assert.throws(() => loadConfig({ ...complete, LOTSE_OIDC_ISSUER: 'https://x.org', LOTSE_OIDC_GROUP_MAP: '{"a": "admin"}' }), /LOTSE_OIDC_GROUP_MAP/);
});

test('clamd is named by host:port or a unix socket path; unset, uploads are not scanned', () => {
  assert.equal(loadConfig({}).clamdAddress, undefined);
  assert.equal(loadConfig({ LOTSE_CLAMD_ADDRESS: 'clamav:3310' }).clamdAddress, 'clamav:3310');
  assert.equal(loadConfig({ LOTSE_CLAMD_ADDRESS: '/run/clamav/clamd.ctl' }).clamdAddress, '/run/clamav/clamd.ctl');
  assert.throws(
    () => loadConfig({ LOTSE_CLAMD_ADDRESS: 'clamav' }),
    (error: unknown) => error instanceof ConfigError && /LOTSE_CLAMD_ADDRESS/.test(error.message),
  );
});

test('documents in a bucket: uploads wait in $LOTSE_DATA_DIR/blob-staging, or in a folder the instances share', () => {
  const s3 = 'http://key:secret@s3.example.org:9000/lotse';
  assert.deepEqual(loadConfig({ LOTSE_BLOB_S3_URL: s3, LOTSE_DATA_DIR: '/srv/lotse' }).blobs, { s3Url: s3, temporaryFolder: '/srv/lotse/blob-staging' });
  assert.deepEqual(loadConfig({ LOTSE_BLOB_S3_URL: s3, LOTSE_BLOB_STAGING_DIR: '/mnt/shared/staging' }).blobs, {
    s3Url: s3,
    temporaryFolder: '/mnt/shared/staging',
  });
  assert.deepEqual(loadConfig({ LOTSE_DATA_DIR: '/srv/lotse' }).blobs, { folder: '/srv/lotse/blobs' });
});
