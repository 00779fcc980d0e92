import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { auditFileChange, auditFileRead, mergeProvisionalPerson, moveProcedureToFile, validateInput } from '../case-files/index.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { applicationOfClerk } from './clerk-application.ts';
import { documentsOfApplication, lockApplication, matchCandidatesOf } from './inbox-store.ts';

/**
 * The persons an uncertain match found, beside the applicant as they gave themselves: name, date
 * of birth, file reference. Only files at the clerk's own locations are shown (each shown file is a
 * read, audited); the others are counted.
 */
export async function personMatchCandidates(deps: FormDeps, ctx: ChangeContext, applicationId: string) {
  const application = await applicationOfClerk(deps, ctx, applicationId);
  const row = await deps.db.selectFrom('application').select(['person_match', 'match_candidates']).where('id', '=', application.id).executeTakeFirstOrThrow();
  const all = await matchCandidatesOf(deps.db, row.match_candidates);
  const candidates = all.filter((c) => ctx.actor.locationIds.includes(c.location_id));
  await auditFileRead(deps.db, deps.clock, ctx.actor, { fileId: application.file_id, what: 'application.match_candidates', screen: ctx.screen, ip: ctx.ip });
  for (const candidate of candidates)
    await auditFileRead(deps.db, deps.clock, ctx.actor, {
      fileId: candidate.file_id,
      what: 'application.match_candidates',
      target: { type: 'application', id: application.id },
      screen: ctx.screen,
      ip: ctx.ip,
    });
  return { application, personMatch: row.person_match, candidates, elsewhere: all.length - candidates.length };
}

const schema = z.object({
  applicationId: z.uuid(),
  personId: z.union([z.literal('new'), z.uuid()], 'Person wählen / choose a person'),
});

export type MatchDecision = { outcome: 'new' | 'confirmed'; fileId: string; provisionalRemoved: boolean };

/**
 * The clerk decides an uncertain match: "new person" keeps the application's own person and file;
 * a candidate takes the application's procedure, its documents and visits into that person's
 * file, and the provisional person is removed when nothing else is left of it. One transaction
 * under the application's row lock: a second decision — another clerk at the same moment, or a
 * different choice later — is a 409; the same clerk sending the same choice again (a double
 * click, a retry) gets the answer of the first.
 */
export async function decidePersonMatch(deps: FormDeps, ctx: ChangeContext, input: unknown): Promise<MatchDecision> {
  const request = validateInput(schema, input);
  const application = await applicationOfClerk(deps, ctx, request.applicationId);
  const chosen = request.personId === 'new' ? undefined : (await matchCandidatesOf(deps.db, [request.personId]))[0];
  // Authorized before the transaction, so that a refusal's audit entry stays.
  if (chosen) await authorizeChange(deps, ctx, 'case_file.write', { locationId: chosen.location_id });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockApplication(trx, application.id);
    if (!locked?.person_id || !locked.procedure_id) throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
    if (locked.person_match !== 'uncertain') {
      const sameAgain =
        locked.match_decided_by_staff_id === ctx.actor.staffId &&
        (request.personId === 'new' ? locked.person_match === 'new' : locked.person_match === 'confirmed' && locked.person_id === request.personId);
      if (!sameAgain) throw new AppError('conflict', 'Die Person zu diesem Antrag ist schon festgelegt. / The person of this application was decided already.');
      const file = await trx.selectFrom('case_file').select('id').where('person_id', '=', locked.person_id).executeTakeFirstOrThrow();
      return { outcome: request.personId === 'new' ? 'new' : 'confirmed', fileId: file.id, provisionalRemoved: false };
    }
    const decided = { match_decided_at: now, match_decided_by_staff_id: ctx.actor.staffId, updated_at: now };
    if (request.personId === 'new') {
      await trx
        .updateTable('application')
        .set({ ...decided, person_match: 'new' })
        .where('id', '=', locked.id)
        .execute();
      await auditFileChange(trx, deps.clock, ctx, {
        personId: locked.person_id,
        action: 'application.match_new_person',
        target: { type: 'application', id: locked.id },
      });
      return { outcome: 'new', fileId: application.file_id, provisionalRemoved: false };
    }
    if (!locked.match_candidates.includes(request.personId)) {
      throw new AppError('validation_failed', 'Diese Person ist keine der vorgeschlagenen. / This person is not one of the candidates.', {
        fieldErrors: [{ path: 'personId', message: 'unbekannt / unknown' }],
      });
    }
    const [target] = await matchCandidatesOf(trx, [request.personId]);
    if (!target || target.location_id !== chosen?.location_id)
      throw new AppError('conflict', 'Diese Person gibt es nicht mehr. / This person no longer exists.');
    if (target.state !== 'active') throw new AppError('conflict', 'Die Akte dieser Person ist geschlossen. / This person’s file is closed.');
    const provisional = { personId: locked.person_id, fileId: application.file_id };
    await moveProcedureToFile(
      trx,
      { procedureId: locked.procedure_id, fromFileId: provisional.fileId, toFileId: target.file_id, documentIds: await documentsOfApplication(trx, locked.id) },
      now,
    );
    await trx
      .updateTable('application')
      .set({ ...decided, person_match: 'confirmed', person_id: target.id })
      .where('id', '=', locked.id)
      .execute();
    await auditFileChange(trx, deps.clock, ctx, {
      personId: target.id,
      action: 'application.match_confirm',
      target: { type: 'application', id: locked.id },
      after: { procedure: locked.procedure_id, fromFile: provisional.fileId },
    });
    const provisionalRemoved = await mergeProvisionalPerson(trx, provisional, target.id);
    return { outcome: 'confirmed', fileId: target.file_id, provisionalRemoved };
  });
}
