import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actions, can, type Action } from './policy.ts';
import { allRoles, type Actor, type Role } from './roles.ts';

// The expected answer for every role × action pair, written out by hand (not derived from policy.ts).
//   any   — allowed for every record
//   loc   — only for records of the actor's own locations
//   own   — only for the actor's own records (own calendar)
//   both  — own record at an own location
//   -     — never
type Expect = 'any' | 'loc' | 'own' | 'both' | '-';
const table: Record<Action, Record<Role, Expect>> = {
  'office.manage': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'staff.manage': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'security.manage': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'audit.read': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'hours.manage': { admin: 'any', team_lead: 'loc', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'calendar.read_own': { admin: '-', team_lead: 'own', clerk: 'own', reception: '-', kiosk: '-', display: '-' },
  'calendar.book_own': { admin: '-', team_lead: 'both', clerk: 'both', reception: '-', kiosk: '-', display: '-' },
  'calendar.block_own': { admin: '-', team_lead: 'own', clerk: 'own', reception: '-', kiosk: '-', display: '-' },
  'calendar.read_team': { admin: 'any', team_lead: 'loc', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'person.read': { admin: 'any', team_lead: 'loc', clerk: 'loc', reception: 'loc', kiosk: '-', display: '-' },
  'appointment.book_for_person': { admin: 'any', team_lead: 'loc', clerk: '-', reception: 'loc', kiosk: '-', display: '-' },
  'appointment.check_in': { admin: '-', team_lead: 'loc', clerk: '-', reception: 'loc', kiosk: 'loc', display: '-' },
  'queue.call': { admin: '-', team_lead: 'loc', clerk: 'loc', reception: '-', kiosk: '-', display: '-' },
  'kiosk.use': { admin: '-', team_lead: '-', clerk: '-', reception: '-', kiosk: 'loc', display: '-' },
  'display.show': { admin: '-', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: 'loc' },
  // Administrators run the catalogue and imports but do not read files (data minimisation).
  'case_file.read': { admin: '-', team_lead: 'loc', clerk: 'loc', reception: '-', kiosk: '-', display: '-' },
  'case_file.write': { admin: '-', team_lead: 'loc', clerk: 'loc', reception: '-', kiosk: '-', display: '-' },
  'case_file.identify': { admin: '-', team_lead: 'loc', clerk: 'loc', reception: 'loc', kiosk: '-', display: '-' },
  'case_file.import': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'procedure_type.manage': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  // Clerks take fees at their counter; a correction (reversal) needs a team lead.
  'fee.manage': { admin: 'any', team_lead: '-', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'payment.record': { admin: '-', team_lead: 'loc', clerk: 'loc', reception: '-', kiosk: '-', display: '-' },
  'payment.reverse': { admin: '-', team_lead: 'loc', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  'cash_report.read': { admin: 'any', team_lead: 'loc', clerk: '-', reception: '-', kiosk: '-', display: '-' },
  // Letters carry names and addresses: team leads, not administrators (data minimisation).
  'invitation.manage': { admin: '-', team_lead: 'any', clerk: '-', reception: '-', kiosk: '-', display: '-' },
};

const here = 'loc-here';
const there = 'loc-there';
const me = 'staff-me';
const colleague = 'staff-other';

function actorFor(role: Role): Actor {
  if (role === 'kiosk' || role === 'display') return { kind: 'device', deviceId: 'dev', role, locationId: here, name: 'device' };
  return { kind: 'staff', staffId: me, displayName: 'Me', username: 'me', role, locationIds: [here], specialtyIds: [], via: 'session' };
}

test('the table covers every action and every role', () => {
  assert.deepEqual(Object.keys(table).sort(), [...actions].sort());
  for (const row of Object.values(table)) assert.deepEqual(Object.keys(row).sort(), [...allRoles].sort());
});

for (const action of actions) {
  for (const role of allRoles) {
    const expected = table[action][role];
    test(`${role} × ${action}: ${expected}`, () => {
      const actor = actorFor(role);
      const cases: { resource: { locationId?: string; staffId?: string }; allowed: boolean }[] = [
        { resource: { locationId: here, staffId: me }, allowed: expected !== '-' },
        { resource: { locationId: there, staffId: me }, allowed: expected === 'any' || expected === 'own' },
        { resource: { locationId: here, staffId: colleague }, allowed: expected === 'any' || expected === 'loc' },
        { resource: { locationId: there, staffId: colleague }, allowed: expected === 'any' },
      ];
      for (const { resource, allowed } of cases) assert.equal(can(actor, action, resource), allowed, JSON.stringify(resource));
      assert.equal(can(undefined, action, {}), false, 'nobody signed in may do nothing');
    });
  }
}
