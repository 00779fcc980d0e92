import { applicant, identityFields, megabytes, pdfOrImage, type DemoForm, demoFormTexts } from './demo-form.ts';

/**
 * § 24 AufenthG, temporary protection for people from Ukraine. Fields after the offices' own forms
 * "Antrag auf Erteilung einer Aufenthaltserlaubnis gemäß § 24 AufenthG" (e.g. Berlin LEA, the
 * Länder's Germany4Ukraine registration) and the BMI's instructions of 14 March 2022: identity,
 * residence in Ukraine on 24 February 2022, a third-country national's Ukrainian permanent title,
 * address in Germany, family members, passport or ID, proof of residence.
 */
export const temporaryProtectionForm: DemoForm = {
  slug: 'temporary-protection',
  procedureTypeCode: 'temporary-protection',
  definition: {
    person: { ...applicant, nationality: 'nationality' },
    fiktionNote: true,
    steps: [
      {
        key: 'person',
        fields: [
          ...identityFields,
          { key: 'birth_place', kind: 'text', maxLength: 100 },
          { key: 'nationality', kind: 'choice', required: true, options: ['ua', 'other'] },
          { key: 'email', kind: 'email' },
        ],
      },
      {
        key: 'stay',
        fields: [
          { key: 'in_ukraine_on_24_02_2022', kind: 'yesno', required: true },
          {
            key: 'ukrainian_permanent_title',
            kind: 'yesno',
            showIf: { '==': [{ var: 'nationality' }, 'other'] },
            requireIf: { '==': [{ var: 'nationality' }, 'other'] },
          },
          {
            key: 'entry_date',
            kind: 'date',
            required: true,
            range: 'past',
            rules: [{ if: { '>=': [{ var: 'entry_date' }, '2022-02-24'] }, message: 'entry_after_war' }],
          },
          { key: 'address', kind: 'address', required: true },
        ],
      },
      {
        key: 'family',
        fields: [
          {
            key: 'family_members',
            kind: 'group',
            maxItems: 8,
            fields: [
              { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
              { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
              { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
              { key: 'relation', kind: 'choice', required: true, options: ['spouse', 'child', 'other'] },
            ],
          },
        ],
      },
      {
        key: 'documents',
        fields: [
          { key: 'passport', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(10), maxPages: 10, maxFiles: 2 },
          {
            key: 'residence_proof',
            kind: 'file',
            accept: pdfOrImage,
            maxBytes: megabytes(10),
            maxPages: 10,
            showIf: { '==': [{ var: 'nationality' }, 'other'] },
            requireIf: { '==': [{ var: 'ukrainian_permanent_title' }, true] },
          },
        ],
      },
    ],
  },
  texts: demoFormTexts('temporary-protection'),
};
