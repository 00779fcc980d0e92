import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { officeDay } from '../../shared/office-day.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { retentionUntil } from './retention-rule.ts';
import { validateInput } from './validate-input.ts';
import { versionConflict } from './version-conflict.ts';

const schema = z.object({
  fileId: z.uuid(),
  basedOnVersion: z.coerce.number().int().min(1),
  /** the office the file was handed over to (Abgabe, e.g. after a move), or empty: simply closed */
  handedOverTo: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(200).nullable().default(null)),
});

/**
 * Closes a file, or records that it was handed over to another office; either way it is kept until
 * the retention date (retention-rule.ts) and then erased by retention. Open procedures block it.
 */
export async function closeFile(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ retentionUntil: string }> {
  const request = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, request.fileId, 'case_file.write', ctx);
  const target = { type: 'case_file', id: request.fileId };
  const location = await deps.db.selectFrom('location').select('time_zone').where('id', '=', file.locationId).executeTakeFirstOrThrow();
  const now = deps.clock.now();
  const until = retentionUntil(officeDay(now, location.time_zone));
  const closed = await deps.db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('case_procedure').select('number').where('file_id', '=', request.fileId).where('closed_at', 'is', null).execute();
    const state = await trx.selectFrom('case_file').select('state').where('id', '=', request.fileId).forUpdate().executeTakeFirstOrThrow();
    if (state.state !== 'active') throw new AppError('conflict', 'Die Akte ist schon geschlossen oder abgegeben. / The file is closed already.');
    if (open.length > 0) {
      throw new AppError('conflict', `Offene Vorgänge zuerst abschließen: ${open.map((p) => p.number).join(', ')}. / Close the open procedures first.`);
    }
    const row = await trx
      .updateTable('case_file')
      .set((eb) => ({
        state: request.handedOverTo ? 'handed_over' : 'closed',
        handed_over_to: request.handedOverTo,
        closed_at: now,
        retention_until: until,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', request.fileId)
      .where('version', '=', request.basedOnVersion)
      .where('state', '=', 'active')
      .returning('version')
      .executeTakeFirst();
    if (!row) return false;
    await auditFileChange(trx, deps.clock, ctx, {
      personId: file.personId,
      action: request.handedOverTo ? 'case_file.hand_over' : 'case_file.close',
      target,
      after: { version: row.version, changed: ['state'] },
    });
    return true;
  });
  if (!closed) throw await versionConflict(deps.db, target, request.basedOnVersion, { state: 'Aktenstatus', reference: 'Aktenzeichen' });
  return { retentionUntil: until };
}
