import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupsFromClaims, mapGroups } from './role-mapping.ts';
import { parseGroupMap } from './sso-settings.ts';

const parsed = parseGroupMap(
  JSON.stringify({
    'lotse-admins': { role: 'admin' },
    'wetzlar-clerks': { role: 'clerk', locations: ['wetzlar'] },
    'giessen-team-leads': { role: 'team_lead', locations: ['giessen'] },
    reception: { role: 'reception', locations: ['wetzlar', 'giessen'] },
  }),
);
if (!('map' in parsed)) throw new Error(parsed.error);
const map = parsed.map;

test('the strongest mapped role wins and the locations of every mapped group are joined', () => {
  assert.deepEqual(mapGroups(['reception', 'giessen-team-leads', 'unrelated'], map), {
    role: 'team_lead',
    locationSlugs: ['giessen', 'wetzlar'],
    groups: ['giessen-team-leads', 'reception'],
  });
  assert.equal(mapGroups(['wetzlar-clerks', 'lotse-admins'], map)?.role, 'admin');
});

test('no mapped group: no access', () => {
  assert.equal(mapGroups([], map), undefined);
  assert.equal(mapGroups(['Domain Users', 'LOTSE-ADMINS'], map), undefined);
});

test('groups come from a claim name, a dotted path (Keycloak realm roles) or a single string (AD FS)', () => {
  assert.deepEqual(groupsFromClaims({ groups: ['a', 1, 'b'] }, 'groups'), ['a', 'b']);
  assert.deepEqual(groupsFromClaims({ realm_access: { roles: ['clerk'] } }, 'realm_access.roles'), ['clerk']);
  assert.deepEqual(groupsFromClaims({ role: 'lotse-admins' }, 'role'), ['lotse-admins']);
  assert.deepEqual(groupsFromClaims({ 'http://schemas.xmlsoap.org/claims/Group': ['x'] }, 'http://schemas.xmlsoap.org/claims/Group'), ['x']);
  assert.deepEqual(groupsFromClaims({}, 'groups'), []);
});

test('a wrong group map is refused with the reason', () => {
  assert.match((parseGroupMap('admins=admin') as { error: string }).error, /must be JSON/);
  assert.match((parseGroupMap('{"x": {"role": "king"}}') as { error: string }).error, /x\.role/);
  assert.match((parseGroupMap('{"x": {"role": "clerk", "locations": ["Wetzlar!"]}}') as { error: string }).error, /location slug/);
  assert.match((parseGroupMap('{}') as { error: string }).error, /at least one group/);
});
