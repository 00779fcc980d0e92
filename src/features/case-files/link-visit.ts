import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { findCaseFileByPerson } from './case-file-store.ts';
import { nameKeys } from './name-keys.ts';
import { parsePartialDate } from './partial-date.ts';
import { validateInput } from './validate-input.ts';
import { personsByNameAndBirth, visitToLink } from './visit-store.ts';

const visitSchema = z.union([z.object({ appointmentId: z.uuid() }), z.object({ ticketId: z.uuid() })]);

async function authorizedVisit(deps: CaseFileDeps, ctx: ChangeContext, input: unknown) {
  const request = validateInput(visitSchema, input);
  const visit = await visitToLink(deps.db, request);
  if (!visit) throw new AppError('not_found', 'Diesen Termin oder diese Wartenummer gibt es nicht. / No such appointment or ticket.');
  await authorizeChange(deps, ctx, 'case_file.identify', { locationId: visit.locationId });
  return visit;
}

/**
 * The persons an appointment or ticket may belong to: name (any word, any spelling the keys
 * fold) and date of birth as booked. The clerk may search with another name or date. Only what
 * identifying needs is returned: names and the file to link.
 */
export async function linkCandidates(deps: CaseFileDeps, ctx: ChangeContext, input: { visit: unknown; name?: string; dateOfBirth?: string }) {
  const visit = await authorizedVisit(deps, ctx, input.visit);
  const name = (input.name?.trim() || visit.name || '').slice(0, 200);
  const dob = input.dateOfBirth?.trim() || visit.dateOfBirth || '';
  const birth = parsePartialDate(dob);
  if (!birth.ok) throw new AppError('validation_failed', birth.message, { fieldErrors: [{ path: 'dateOfBirth', message: birth.message }] });
  const words = name.split(/\s+/).filter((w) => w !== '');
  const keys = words.map((w) => nameKeys(w));
  const rows = await personsByNameAndBirth(deps.db, {
    normalized: keys.map((k) => k.normalized).filter((k) => k !== ''),
    skeletons: keys.map((k) => k.skeleton),
    birth: birth.date,
  });
  // Identifying is for the actor's own locations only.
  const candidates = rows.filter((row) => ctx.actor.locationIds.includes(row.location_id));
  return {
    visit: { kind: visit.kind, id: visit.id, name: visit.name, dateOfBirth: visit.dateOfBirth, linkedPersonId: visit.linkedPersonId },
    name,
    dateOfBirth: dob,
    candidates,
  };
}

const linkSchema = z.object({ personId: z.uuid('Person wählen / choose a person') });

/**
 * Links an appointment or a ticket to the person the clerk confirmed. One person per visit (the
 * link's primary key): linking again to the same person is a no-op, to another one a 409 — also
 * when two clerks link the same visit at the same moment.
 */
export async function linkVisit(deps: CaseFileDeps, ctx: ChangeContext, input: { visit: unknown; personId: unknown }): Promise<{ fileId: string }> {
  const visit = await authorizedVisit(deps, ctx, input.visit);
  const { personId } = validateInput(linkSchema, { personId: input.personId });
  const file = await findCaseFileByPerson(deps.db, personId);
  if (!file) throw new AppError('validation_failed', 'Diese Person hat keine Akte. / This person has no file.');
  await authorizeChange(deps, ctx, 'case_file.identify', { locationId: file.locationId });
  const now = deps.clock.now();
  const linkedTo = await deps.db.transaction().execute(async (trx) => {
    const row =
      visit.kind === 'appointment'
        ? await trx
            .insertInto('case_appointment_link')
            .values({ appointment_id: visit.id, person_id: personId, confirmed_by_staff_id: ctx.actor.staffId, confirmed_at: now })
            .onConflict((oc) => oc.column('appointment_id').doNothing())
            .returning('person_id')
            .executeTakeFirst()
        : await trx
            .insertInto('case_ticket_link')
            .values({ ticket_id: visit.id, person_id: personId, confirmed_by_staff_id: ctx.actor.staffId, confirmed_at: now })
            .onConflict((oc) => oc.column('ticket_id').doNothing())
            .returning('person_id')
            .executeTakeFirst();
    if (!row) {
      const existing =
        visit.kind === 'appointment'
          ? await trx.selectFrom('case_appointment_link').select('person_id').where('appointment_id', '=', visit.id).executeTakeFirstOrThrow()
          : await trx.selectFrom('case_ticket_link').select('person_id').where('ticket_id', '=', visit.id).executeTakeFirstOrThrow();
      return existing.person_id;
    }
    await auditFileChange(trx, deps.clock, ctx, {
      personId,
      action: `case_file.link_${visit.kind}`,
      target: { type: visit.kind, id: visit.id },
    });
    return personId;
  });
  if (linkedTo !== personId) {
    throw new AppError('conflict', 'Dieser Besuch ist schon mit einer anderen Person verknüpft. / This visit is linked to another person already.');
  }
  return { fileId: file.id };
}
