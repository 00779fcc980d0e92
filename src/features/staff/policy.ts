import { AppError } from '../../shared/app-error.ts';
import type { Actor, Role } from './roles.ts';

/**
 * Declarative policies: which role may do what, and on which records. Use cases call
 * `authorize(actor, action, resource)`; routes may call `can` to hide links. The table
 * test (policy.test.ts) covers every role × action pair.
 */
export const actions = [
  'office.manage', // locations, counters, specialties, services, texts
  'staff.manage', // accounts, roles, specialties, locations, unlock
  'security.manage', // role settings (mandatory 2FA), API tokens, devices
  'audit.read',
  'hours.manage', // working-hour templates, exceptions, absences of others
  'calendar.read_own',
  'calendar.book_own', // book a person into own hours
  'calendar.block_own',
  'calendar.read_team',
  'person.read', // open a person's data (appointment details)
  'appointment.book_for_person', // book at the front desk / on the phone
  'appointment.check_in',
  'queue.call',
  'kiosk.use',
  'display.show',
  'case_file.read', // open a person's file, its documents, search results
  'case_file.write', // change person data, procedures, documents, notes
  'case_file.identify', // see a person's name and appointments only (to link a ticket or appointment)
  'case_file.import', // run imports from the scan provider, see their reports
  'procedure_type.manage', // the catalogue of procedure types and their status texts
  'fee.manage', // the fee catalogue: items, rates over time, reductions
  'payment.record', // take a fee at the counter, print its receipt
  'payment.reverse', // correct a payment by a reversal (with a reason)
  'cash_report.read', // the daily cash report for the cash office
  'invitation.manage', // invitation runs: start, review, release and print letters, re-send one
] as const;
export type Action = (typeof actions)[number];

/** A record the action touches: where it is and whose it is. Omitted = not record-bound. */
export type PolicyResource = { locationId?: string | null; staffId?: string | null };

type Rule = 'any' | 'own_location' | 'own_record' | 'own_location_record';
const rules: Record<Role, Partial<Record<Action, Rule>>> = {
  admin: {
    'office.manage': 'any',
    'staff.manage': 'any',
    'security.manage': 'any',
    'audit.read': 'any',
    'hours.manage': 'any',
    'calendar.read_team': 'any',
    'person.read': 'any',
    'appointment.book_for_person': 'any',
    'case_file.import': 'any',
    'procedure_type.manage': 'any',
    'fee.manage': 'any',
    'cash_report.read': 'any',
  },
  team_lead: {
    'hours.manage': 'own_location',
    'calendar.read_own': 'own_record',
    'calendar.book_own': 'own_location_record',
    'calendar.block_own': 'own_record',
    'calendar.read_team': 'own_location',
    'person.read': 'own_location',
    'appointment.book_for_person': 'own_location',
    'appointment.check_in': 'own_location',
    'queue.call': 'own_location',
    'case_file.read': 'own_location',
    'case_file.write': 'own_location',
    'case_file.identify': 'own_location',
    'payment.record': 'own_location',
    'payment.reverse': 'own_location',
    'cash_report.read': 'own_location',
    // A run plans every location at once; its letters carry names and addresses (audited).
    'invitation.manage': 'any',
  },
  clerk: {
    'calendar.read_own': 'own_record',
    'calendar.book_own': 'own_location_record',
    'calendar.block_own': 'own_record',
    'person.read': 'own_location',
    'queue.call': 'own_location',
    'case_file.read': 'own_location',
    'case_file.write': 'own_location',
    'case_file.identify': 'own_location',
    'payment.record': 'own_location',
  },
  reception: {
    'case_file.identify': 'own_location',
    'person.read': 'own_location',
    'appointment.book_for_person': 'own_location',
    'appointment.check_in': 'own_location',
  },
  kiosk: { 'kiosk.use': 'own_location', 'appointment.check_in': 'own_location' },
  display: { 'display.show': 'own_location' },
};

export function can(actor: Actor | undefined, action: Action, resource: PolicyResource = {}): boolean {
  if (!actor) return false;
  const rule = rules[actor.role][action];
  if (!rule) return false;
  if (rule === 'any') return true;
  const locations = actor.kind === 'device' ? [actor.locationId] : actor.locationIds;
  const ownId = actor.kind === 'staff' ? actor.staffId : undefined;
  const locationOk = resource.locationId === undefined || (resource.locationId !== null && locations.includes(resource.locationId));
  const recordOk = resource.staffId === undefined || (resource.staffId !== null && resource.staffId === ownId);
  if (rule === 'own_location') return locationOk;
  if (rule === 'own_record') return recordOk;
  return locationOk && recordOk;
}

/** Throws `forbidden` unless allowed; callers audit the denial (see requireStaff). */
export function authorize(actor: Actor | undefined, action: Action, resource: PolicyResource = {}): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in.');
  if (!can(actor, action, resource)) throw new AppError('forbidden', `Your role may not do "${action}" here.`, { details: { action } });
}

/** Whether this role may do the action at all (somewhere); used for menus. */
export function roleMay(role: Role, action: Action): boolean {
  return rules[role][action] !== undefined;
}
