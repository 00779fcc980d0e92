import assert from 'node:assert/strict';
import type { Database } from '../src/db/database.ts';
import { pdfWithText } from '../src/demo/demo-documents.ts';
import type { ApplicationDeps } from '../src/features/applications/application-deps.ts';
import { addUpload } from '../src/features/applications/add-upload.ts';
import { saveAnswers } from '../src/features/applications/save-answers.ts';
import { startApplication } from '../src/features/applications/start-application.ts';
import { submitApplication } from '../src/features/applications/submit-application.ts';
import { seedDemoForms } from '../src/demo/demo-forms.ts';
import { seedStandardCatalogue } from '../src/features/case-files/index.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import type { Clock } from '../src/shared/clock.ts';
import { bytesOf } from './case-document-fixtures.ts';
import { createOffice } from './office-factory.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** An office with the standard procedure types and the demo forms published, and a blob store in a temporary folder. */
export async function createApplicationOffice(db: Database, clock: Clock) {
  const office = await createOffice(db);
  await seedStandardCatalogue(db, clock.now());
  await seedDemoForms(db, clock, office.locationId);
  const blobs = createBlobStore({ folder: await temporaryFolder('lotse-apply-') });
  return { ...office, blobs };
}

/** A § 24 applicant's answers step by step, as a page posts them. */
export const temporaryProtectionAnswers = {
  person: { 'a.family_name': 'Коваленко', 'a.given_names': 'Олена', 'a.birth_date': '17.05.1990', 'a.nationality': 'ua', 'a.email': 'olena@example.org' },
  stay: {
    'a.in_ukraine_on_24_02_2022': 'yes',
    'a.entry_date': '03.03.2022',
    'a.address.street': 'Bahnhofstraße 3',
    'a.address.postalCode': '35578',
    'a.address.city': 'Wetzlar',
  },
  family: {
    'a.family_members.0.family_name': 'Коваленко',
    'a.family_members.0.given_names': 'Марко',
    'a.family_members.0.birth_date': '2015',
    'a.family_members.0.relation': 'child',
  },
};

const fields = (step: Record<string, string>) => Object.fromEntries(Object.entries(step).map(([key, value]) => [key.slice(2), value]));

/** A § 24 application filled in step by step with a passport upload, then submitted: what lands in the clerks' inbox. */
export async function submitTemporaryProtection(deps: ApplicationDeps, email: string, names: { family_name?: string; given_names?: string } = {}) {
  const { token, formVersionId } = await startApplication(deps, { slug: 'temporary-protection', lang: 'uk', email });
  let revision = 1;
  const { person, stay } = temporaryProtectionAnswers;
  for (const [stepKey, answers] of [
    ['person', { ...fields(person), ...names, email }],
    ['stay', { ...fields(stay), address: { street: stay['a.address.street'], postalCode: stay['a.address.postalCode'], city: stay['a.address.city'] } }],
  ] as const) {
    const saved = await saveAnswers(deps, { token, stepKey, formVersionId, basedOnRevision: revision, answers });
    assert.ok(saved.saved, JSON.stringify(saved));
    revision = saved.revision;
  }
  await addUpload(deps, { token, fieldKey: 'passport', upload: { body: bytesOf(await pdfWithText(['Pass'])), fileName: 'pass.pdf' } });
  return submitApplication(deps, { token });
}
