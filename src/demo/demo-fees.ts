import type { Database } from '../db/database.ts';

/**
 * The demo office's fee catalogue: items of the Aufenthaltsverordnung (AufenthV) with the amounts
 * in force in 2026 as far as known to us — an office checks them against the current ordinance
 * before use — and the reductions and exemptions of §§ 50, 52 and 53 AufenthV.
 */
const items = [
  {
    code: 'at-verlaengerung-bis-3m',
    de: 'Verlängerung der Aufenthaltserlaubnis bis zu drei Monaten',
    en: 'Extension of a residence permit up to three months',
    basis: '§ 45 Nr. 2 Buchst. a AufenthV',
    cents: 9600,
    services: [],
  },
  {
    code: 'at-verlaengerung',
    de: 'Verlängerung der Aufenthaltserlaubnis über drei Monate',
    en: 'Extension of a residence permit beyond three months',
    basis: '§ 45 Nr. 2 Buchst. b AufenthV',
    cents: 9300,
    services: ['aufenthaltstitel-verlaengerung'],
  },
  {
    code: 'niederlassungserlaubnis',
    de: 'Erteilung einer Niederlassungserlaubnis',
    en: 'Issue of a settlement permit',
    basis: '§ 44 Nr. 3 AufenthV',
    cents: 11300,
    services: ['niederlassungserlaubnis'],
  },
  {
    code: 'eat-uebertrag',
    de: 'Übertrag eines Aufenthaltstitels in einen neuen Pass (eAT)',
    en: 'Transfer of a residence title to a new passport (eAT)',
    basis: '§ 45c Abs. 1 Nr. 1 AufenthV',
    cents: 6700,
    services: ['eat-uebertrag'],
  },
  {
    code: 'fiktionsbescheinigung',
    de: 'Ausstellung einer Fiktionsbescheinigung',
    en: 'Issue of a certificate of continued lawful residence',
    basis: '§ 47 Abs. 1 Nr. 9 AufenthV',
    cents: 1300,
    services: ['fiktionsbescheinigung'],
  },
  {
    code: 'verpflichtungserklaerung',
    de: 'Entgegennahme einer Verpflichtungserklärung',
    en: 'Acceptance of a formal obligation (Verpflichtungserklärung)',
    basis: '§ 47 Abs. 1 Nr. 12 AufenthV',
    cents: 2900,
    services: ['verpflichtungserklaerung'],
  },
] as const;

const reductions = [
  { code: 'minderjaehrig', de: 'Minderjährige Person: Hälfte der Gebühr', en: 'Minor: half the fee', basis: '§ 50 Abs. 1 AufenthV', percent: 50, minors: true },
  {
    code: 'leistungsbezug',
    de: 'Befreit: Bezug von Leistungen nach SGB II, SGB XII oder AsylbLG',
    en: 'Exempt: receives benefits (SGB II, SGB XII, AsylbLG)',
    basis: '§ 53 Abs. 1 Nr. 1 AufenthV',
    percent: 100,
    minors: false,
  },
  {
    code: 'schutz-24',
    de: 'Befreit: vorübergehender Schutz nach § 24 AufenthG',
    en: 'Exempt: temporary protection under § 24 AufenthG',
    basis: '§ 52 Abs. 7 AufenthV',
    percent: 100,
    minors: false,
  },
] as const;

export async function seedDemoFees(db: Database, now: Date, serviceIds: ReadonlyMap<string, string>): Promise<void> {
  for (const item of items) {
    const { id } = await db
      .insertInto('fee_item')
      .values({ code: item.code, name_de: item.de, name_en: item.en, legal_basis: item.basis, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('fee_rate').values({ fee_item_id: id, amount_cents: item.cents, valid_from: '2024-01-01', created_at: now }).execute();
    for (const slug of item.services) {
      const serviceId = serviceIds.get(slug);
      if (serviceId) await db.insertInto('service_fee_item').values({ service_id: serviceId, fee_item_id: id }).execute();
    }
  }
  await db
    .insertInto('fee_reduction')
    .values(reductions.map((r) => ({ code: r.code, name_de: r.de, name_en: r.en, legal_basis: r.basis, percent_off: r.percent, for_minors: r.minors })))
    .execute();
}
