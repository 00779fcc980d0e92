import { z } from 'zod';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { residenceTitleKindCodes } from './residence-titles.ts';
import { validateInput } from './validate-input.ts';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());
const schema = z
  .object({
    fileId: z.uuid(),
    kind: z.enum(residenceTitleKindCodes),
    legalBasis: optional(z.string().trim().min(1).max(100)),
    validFrom: optional(z.iso.date('Datum als JJJJ-MM-TT / date as YYYY-MM-DD')),
    validUntil: optional(z.iso.date('Datum als JJJJ-MM-TT / date as YYYY-MM-DD')),
    cardSerial: optional(
      z
        .string()
        .trim()
        .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
        .pipe(z.string().regex(/^[A-Z0-9]{9,10}$/, 'Kartennummer des eAT: 9–10 Buchstaben/Ziffern / card serial: 9–10 letters or digits')),
    ),
  })
  .refine((t) => !t.validFrom || !t.validUntil || t.validFrom <= t.validUntil, {
    path: ['validUntil'],
    message: '„Gültig bis“ liegt vor „gültig ab“. / Valid until is before valid from.',
  });

/**
 * Records the person's current residence title (kind, legal basis such as § 24 AufenthG, validity,
 * the eAT card's serial); the title before it stays as history. The person's row is locked, so
 * two clerks setting a title at once take turns and exactly one title is current.
 */
export async function setResidenceTitle(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string }> {
  const title = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, title.fileId, 'case_file.write', ctx);
  return deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('case_person').select('id').where('id', '=', file.personId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('residence_title').set({ is_current: false }).where('person_id', '=', file.personId).where('is_current', '=', true).execute();
    const row = await trx
      .insertInto('residence_title')
      .values({
        person_id: file.personId,
        kind: title.kind,
        legal_basis: title.legalBasis,
        valid_from: title.validFrom,
        valid_until: title.validUntil,
        card_serial: title.cardSerial,
        is_current: true,
        created_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, deps.clock, ctx, {
      personId: file.personId,
      action: 'residence_title.set',
      target: { type: 'case_file', id: title.fileId },
      after: { kind: title.kind, legalBasis: title.legalBasis },
    });
    return row;
  });
}
