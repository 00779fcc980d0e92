import { applicant, megabytes, pdfOrImage, type DemoForm, demoFormTexts } from './demo-form.ts';

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
    person: applicant,
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
  texts: demoFormTexts('formal-obligation'),
};
