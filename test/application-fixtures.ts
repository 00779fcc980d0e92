import type { Database } from '../src/db/database.ts';
import { seedDemoForms } from '../src/demo/demo-forms.ts';
import { seedStandardCatalogue } from '../src/features/case-files/index.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import type { Clock } from '../src/shared/clock.ts';
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
