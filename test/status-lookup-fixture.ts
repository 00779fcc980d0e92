import { createPersonWithFile } from './case-file-factory.ts';
import type { Database } from '../src/db/database.ts';
import type { PersonInput } from '../src/features/case-files/index.ts';
import { insertProcedure, seedStandardCatalogue } from '../src/features/case-files/index.ts';

/** A person with a file and one procedure of the standard "extension" type in status "received" (tests and benchmark). */
export async function procedureWithPerson(
  db: Database,
  options: { locationId: string; person?: Partial<PersonInput>; now: Date },
): Promise<{ procedureId: string; number: string; personId: string }> {
  await db.transaction().execute((trx) => seedStandardCatalogue(trx, options.now));
  const type = await db.selectFrom('procedure_type').select('id').where('code', '=', 'extension').executeTakeFirstOrThrow();
  const received = await db
    .selectFrom('procedure_status')
    .select('id')
    .where('procedure_type_id', '=', type.id)
    .where('code', '=', 'received')
    .executeTakeFirstOrThrow();
  const file = await createPersonWithFile(db, { locationId: options.locationId, person: options.person ?? {}, now: options.now });
  const procedure = await db
    .transaction()
    .execute((trx) =>
      insertProcedure(
        trx,
        { fileId: file.fileId, procedureTypeId: type.id, statusId: received.id, by: { staffId: null, label: 'Test' }, note: null },
        options.now,
      ),
    );
  return { procedureId: procedure.id, number: procedure.number, personId: file.personId };
}
