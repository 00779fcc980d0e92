import { megabytes, pdfOrImage, type DemoForm } from './demo-form.ts';

/**
 * Verpflichtungserklärung (§§ 66–68 AufenthG): a person living in Germany undertakes to cover a
 * visitor's costs. Fields after the Bundesdruckerei form "Verpflichtungserklärung" (the office fills
 * it in at the appointment) and the offices' lists of documents to bring: the host's passport or
 * eAT, proof of income (last three payslips or tax assessment), rental contract (living space),
 * and the visitor's passport details. The fee is € 29 (§ 47 AufenthV).
 */
export const formalObligationForm: DemoForm = {
  slug: 'formal-obligation',
  procedureTypeCode: 'formal-obligation',
  definition: {
    person: { familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', email: 'email' },
    fiktionNote: false,
    steps: [
      {
        key: 'host',
        fields: [
          { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
          { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
          { key: 'birth_date', kind: 'date', required: true, range: 'past' },
          { key: 'email', kind: 'email', required: true },
          { key: 'address', kind: 'address', required: true },
          { key: 'net_income', kind: 'text', required: true, maxLength: 20 },
        ],
      },
      {
        key: 'visitors',
        fields: [
          {
            key: 'visitors',
            kind: 'group',
            required: true,
            maxItems: 5,
            fields: [
              { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
              { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
              { key: 'birth_date', kind: 'date', required: true, range: 'past' },
              { key: 'passport_number', kind: 'text', required: true, maxLength: 20 },
              { key: 'relation', kind: 'text', maxLength: 100 },
            ],
          },
          { key: 'arrival', kind: 'date', required: true, range: 'future' },
          {
            key: 'departure',
            kind: 'date',
            required: true,
            range: 'future',
            rules: [{ if: { '>=': [{ var: 'departure' }, { var: 'arrival' }] }, message: 'departure_after_arrival' }],
          },
        ],
      },
      {
        key: 'documents',
        fields: [
          { key: 'id_document', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(10), maxPages: 4 },
          { key: 'income_proof', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(20), maxPages: 20, maxFiles: 3 },
          { key: 'rental_contract', kind: 'file', accept: pdfOrImage, maxBytes: megabytes(20), maxPages: 30 },
        ],
      },
    ],
  },
  texts: {
    de: {
      title: 'Verpflichtungserklärung für Besuch',
      intro: 'Sie laden jemanden nach Deutschland ein und übernehmen die Kosten seines Aufenthalts. Die Gebühr beträgt 29 Euro.',
      'step.host': 'Ihre Angaben (Einladende Person)',
      'step.visitors': 'Ihr Besuch',
      'step.documents': 'Unterlagen',
      'field.family_name.label': 'Familienname',
      'field.given_names.label': 'Vornamen',
      'field.birth_date.label': 'Geburtsdatum',
      'field.email.label': 'E-Mail-Adresse',
      'field.address.label': 'Anschrift',
      'field.net_income.label': 'Monatliches Nettoeinkommen in Euro',
      'field.visitors.label': 'Besucherinnen und Besucher',
      'field.visitors.family_name.label': 'Familienname',
      'field.visitors.given_names.label': 'Vornamen',
      'field.visitors.birth_date.label': 'Geburtsdatum',
      'field.visitors.passport_number.label': 'Passnummer',
      'field.visitors.relation.label': 'Verhältnis zu Ihnen',
      'field.arrival.label': 'Geplante Einreise',
      'field.departure.label': 'Geplante Ausreise',
      'message.departure_after_arrival': 'Die Ausreise muss nach der Einreise liegen.',
      'field.id_document.label': 'Ihr Pass, Personalausweis oder Aufenthaltstitel',
      'field.income_proof.label': 'Einkommensnachweise (die letzten drei Gehaltsabrechnungen oder der Steuerbescheid)',
      'field.rental_contract.label': 'Mietvertrag (Wohnfläche)',
    },
    en: {
      title: 'Formal obligation for a visit (Verpflichtungserklärung)',
      intro: 'You invite someone to Germany and cover the costs of their stay. The fee is 29 euros.',
      'step.host': 'About you (the host)',
      'step.visitors': 'Your visitors',
      'step.documents': 'Documents',
      'field.family_name.label': 'Family name',
      'field.given_names.label': 'Given names',
      'field.birth_date.label': 'Date of birth',
      'field.email.label': 'E-mail address',
      'field.address.label': 'Address',
      'field.net_income.label': 'Monthly net income in euros',
      'field.visitors.label': 'Visitors',
      'field.visitors.family_name.label': 'Family name',
      'field.visitors.given_names.label': 'Given names',
      'field.visitors.birth_date.label': 'Date of birth',
      'field.visitors.passport_number.label': 'Passport number',
      'field.visitors.relation.label': 'Relationship to you',
      'field.arrival.label': 'Planned arrival',
      'field.departure.label': 'Planned departure',
      'message.departure_after_arrival': 'The departure must be after the arrival.',
      'field.id_document.label': 'Your passport, ID card or residence title',
      'field.income_proof.label': 'Proof of income (the last three payslips or the tax assessment)',
      'field.rental_contract.label': 'Rental contract (living space)',
    },
  },
};
