import { applicant, identityFields, megabytes, pdfOrImage, type DemoForm, demoFormTexts } from './demo-form.ts';

/**
 * Extension of a residence permit (§ 8 AufenthG). Fields after the offices' "Antrag auf
 * Verlängerung der Aufenthaltserlaubnis" (e.g. the Berlin LEA form, Munich's KVR form) and their
 * document lists: passport, biometric photo, current title, proof of the purpose (employment
 * contract and payslips, enrolment, marriage), health insurance, rental contract or
 * Wohnungsgeberbestätigung. An application before the title expires keeps it valid (§ 81 (4)).
 */
export const extensionForm: DemoForm = {
  slug: 'extension',
  procedureTypeCode: 'extension',
  definition: {
    person: applicant,
    fiktionNote: true,
    steps: [
      {
        key: 'person',
        fields: [...identityFields, { key: 'email', kind: 'email', required: true }, { key: 'address', kind: 'address', required: true }],
      },
      {
        key: 'title',
        fields: [
          { key: 'title_valid_until', kind: 'date', required: true },
          { key: 'purpose', kind: 'choice', required: true, options: ['work', 'study', 'family', 'other'] },
          { key: 'employer', kind: 'text', maxLength: 200, showIf: { '==': [{ var: 'purpose' }, 'work'] }, requireIf: { '==': [{ var: 'purpose' }, 'work'] } },
          { key: 'benefits', kind: 'yesno', required: true },
        ],
      },
      {
        key: 'documents',
        fields: [
          { key: 'passport', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(10), maxPages: 10 },
          { key: 'photo', kind: 'file', required: true, accept: ['image/jpeg', 'image/png'], maxBytes: megabytes(5) },
          { key: 'purpose_proof', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(20), maxPages: 30, maxFiles: 5 },
          { key: 'insurance', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(10), maxPages: 5 },
        ],
      },
    ],
  },
  texts: demoFormTexts('extension'),
};
