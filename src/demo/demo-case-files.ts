import type { Database } from '../db/database.ts';
import { insertCaseFile, insertPerson, insertProcedure, insertStatusChange, seedStandardCatalogue, type PersonInput } from '../features/case-files/index.ts';

/** Deterministic pseudo-random numbers (mulberry32): the same demo office on every start. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type DemoName = { family: string; given: string; variants?: string[]; country: string; language: string; sex: 'female' | 'male' };

// Names in the scripts the office's files hold, with the spellings other papers use.
const demoNames: DemoName[] = [
  { family: 'Al-Hassan', given: 'Mohammed', variants: ['الحسن محمد', 'Alhasan Muhammad'], country: 'SY', language: 'ar', sex: 'male' },
  { family: 'الخطيب', given: 'فاطمة', variants: ['Al-Khatib Fatima'], country: 'SY', language: 'ar', sex: 'female' },
  { family: 'Haddad', given: 'Rania', variants: ['حداد رانيا'], country: 'LB', language: 'ar', sex: 'female' },
  { family: 'العلي', given: 'أحمد', variants: ['Al-Ali Ahmad', 'Alali Ahmed'], country: 'IQ', language: 'ar', sex: 'male' },
  { family: 'Rahimi', given: 'Mehrnoosh', variants: ['رحیمی مهر\u200cنوش', 'Rahimi Mehrnush'], country: 'IR', language: 'fa', sex: 'female' },
  { family: 'حسینی', given: 'علی\u200cرضا', variants: ['Hosseini Alireza', 'Hoseyni Ali-Reza'], country: 'IR', language: 'fa', sex: 'male' },
  { family: 'Ahmadi', given: 'Zahra', variants: ['احمدی زهرا'], country: 'AF', language: 'prs', sex: 'female' },
  { family: 'نوری', given: 'محمد\u200cحسین', variants: ['Nouri Mohammad-Hossein'], country: 'AF', language: 'prs', sex: 'male' },
  { family: 'Kovalenko', given: 'Olena', variants: ['Коваленко Олена', 'Kowalenko Olena'], country: 'UA', language: 'uk', sex: 'female' },
  { family: 'Шевченко', given: 'Андрій', variants: ['Shevchenko Andrii', 'Schewtschenko Andrij'], country: 'UA', language: 'uk', sex: 'male' },
  { family: 'Бондаренко', given: 'Ірина', variants: ['Bondarenko Iryna'], country: 'UA', language: 'uk', sex: 'female' },
  { family: 'Petrov', given: 'Dmitrij', variants: ['Петров Дмитрий', 'Petrov Dmitry'], country: 'RU', language: 'ru', sex: 'male' },
  { family: 'Yılmaz', given: 'Ayşe', variants: ['Yilmaz Ayse'], country: 'TR', language: 'tr', sex: 'female' },
  { family: 'Demir', given: 'Mehmet', country: 'TR', language: 'tr', sex: 'male' },
  { family: 'Tesfaye', given: 'Senait', variants: ['ተስፋየ ሰናይት'], country: 'ER', language: 'ti', sex: 'female' },
  { family: 'Abdi', given: 'Hodan', country: 'SO', language: 'so', sex: 'female' },
  { family: 'Krasniqi', given: 'Arben', country: 'XK', language: 'sq', sex: 'male' },
  { family: 'Nowak', given: 'Katarzyna', country: 'PL', language: 'pl', sex: 'female' },
  { family: 'Popescu', given: 'Andrei', country: 'RO', language: 'ro', sex: 'male' },
  { family: 'Nguyễn', given: 'Thị Lan', variants: ['Nguyen Thi Lan'], country: 'VN', language: 'vi', sex: 'female' },
  { family: 'García López', given: 'María José', country: 'VE', language: 'es', sex: 'female' },
  { family: 'Diallo', given: 'Mamadou', country: 'GN', language: 'fr', sex: 'male' },
  { family: 'Okonkwo', given: 'Chidi', country: 'NG', language: 'en', sex: 'male' },
  { family: 'Zadran', given: 'Gul Ahmad', variants: ['ځدراڼ ګل احمد'], country: 'AF', language: 'ps', sex: 'male' },
  { family: 'Xelîl', given: 'Rojîn', variants: ['Khalil Rojin'], country: 'SY', language: 'kmr', sex: 'female' },
];

const titles = [
  { kind: 'temporary_protection', legalBasis: '§ 24 AufenthG' },
  { kind: 'residence_permit', legalBasis: '§ 25 Abs. 2 AufenthG' },
  { kind: 'residence_permit', legalBasis: '§ 18b AufenthG' },
  { kind: 'settlement_permit', legalBasis: '§ 9 AufenthG' },
  { kind: 'fictional_certificate', legalBasis: '§ 81 Abs. 4 AufenthG' },
] as const;

const day = (at: Date, offsetDays: number) => new Date(at.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * About 200 persons with files at the demo locations: names in Latin, Cyrillic, Arabic and Persian
 * script (with their other spellings), partial dates of birth, residence titles (some expiring
 * soon), and procedures of every standard type in every status with their history. Deterministic:
 * the same office on every start; dates count from the clock.
 */
export async function seedDemoCaseFiles(db: Database, now: Date, locationIds: readonly string[]): Promise<void> {
  const random = seeded(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const typeIds = [...(await seedStandardCatalogue(db, now)).values()];
  const statuses = await db.selectFrom('procedure_status').select(['id', 'procedure_type_id', 'position', 'is_final']).orderBy('position').execute();
  const by = { staffId: null, label: 'Demo' };
  for (let i = 0; i < 200; i++) {
    const name = demoNames[i % demoNames.length]!;
    const year = 1950 + Math.floor(random() * 60);
    const known = random();
    const person: PersonInput = {
      familyName: name.family,
      givenNames: name.given,
      birthName: null,
      // One in ten papers give only the year, one in ten year and month.
      birthDate: { year, month: known < 0.1 ? null : 1 + Math.floor(random() * 12), day: known < 0.2 ? null : 1 + Math.floor(random() * 28) },
      placeOfBirth: null,
      countryOfBirth: name.country,
      nationalities: [name.country],
      sex: name.sex,
      addressStreet: `${pick(['Bahnhofstraße', 'Langgasse', 'Karl-Kellner-Ring', 'Hauser Gasse', 'Frankfurter Straße'])} ${1 + Math.floor(random() * 80)}`,
      addressPostalCode: pick(['35578', '35576', '35390', '35394']),
      addressCity: pick(['Wetzlar', 'Gießen']),
      email: null,
      phone: null,
      preferredLanguage: name.language,
      azrNumber: null,
      formerNames: [],
      nameVariants: name.variants ?? [],
    };
    const { id: personId } = await insertPerson(db, person, now);
    const locationId = locationIds[i % locationIds.length]!;
    const { id: fileId } = await insertCaseFile(db, { personId, reference: `DEMO-${String(i + 1).padStart(4, '0')}`, locationId }, now);
    const title = pick(titles);
    // Valid until somewhere from two months ago to two years ahead: some expire within four months.
    await db
      .insertInto('residence_title')
      .values({
        person_id: personId,
        kind: title.kind,
        legal_basis: title.legalBasis,
        valid_from: day(now, -400 + Math.floor(random() * 200)),
        valid_until: day(now, -60 + Math.floor(random() * 790)),
        card_serial: null,
        created_at: now,
      })
      .execute();
    // Every type in every status: procedure i of type i % 5 reaches status (i / 5) % 5.
    const typeId = typeIds[i % typeIds.length]!;
    const ofType = statuses.filter((s) => s.procedure_type_id === typeId);
    const reached = ofType.slice(0, (Math.floor(i / typeIds.length) % ofType.length) + 1);
    const openedAt = new Date(now.getTime() - (30 + Math.floor(random() * 300)) * 86_400_000);
    const first = reached[0]!;
    const last = reached.at(-1)!;
    const procedure = await insertProcedure(db, { fileId, procedureTypeId: typeId, statusId: first.id, by, note: null }, openedAt);
    for (const [step, status] of reached.slice(1).entries()) {
      await insertStatusChange(
        db,
        { procedureId: procedure.id, statusId: status.id, by, note: null },
        new Date(openedAt.getTime() + (step + 1) * 7 * 86_400_000),
      );
    }
    await db
      .updateTable('case_procedure')
      .set({ status_id: last.id, version: reached.length, closed_at: last.is_final ? now : null })
      .where('id', '=', procedure.id)
      .execute();
  }
}
