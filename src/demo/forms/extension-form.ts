import { megabytes, pdfOrImage, type DemoForm } from './demo-form.ts';

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
    person: { familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', email: 'email' },
    fiktionNote: true,
    steps: [
      {
        key: 'person',
        fields: [
          { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
          { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
          { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
          { key: 'email', kind: 'email', required: true },
          { key: 'address', kind: 'address', required: true },
        ],
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
  texts: {
    de: {
      title: 'Verlängerung der Aufenthaltserlaubnis',
      intro: 'Stellen Sie den Antrag vor Ablauf Ihres Aufenthaltstitels. Halten Sie Pass, Foto und Nachweise bereit.',
      receipt_fiktion:
        'Sie haben die Verlängerung vor Ablauf Ihres Aufenthaltstitels beantragt. Bis wir entscheiden, gilt Ihr bisheriger Aufenthaltstitel fort (§ 81 Abs. 4 AufenthG). Auf Wunsch erhalten Sie eine Fiktionsbescheinigung.',
      'step.person': 'Ihre Angaben',
      'step.title': 'Ihr Aufenthaltstitel',
      'step.documents': 'Unterlagen',
      'field.family_name.label': 'Familienname',
      'field.given_names.label': 'Vornamen',
      'field.birth_date.label': 'Geburtsdatum',
      'field.email.label': 'E-Mail-Adresse',
      'field.address.label': 'Anschrift',
      'field.title_valid_until.label': 'Ihr Aufenthaltstitel gilt bis',
      'field.purpose.label': 'Zweck Ihres Aufenthalts',
      'field.purpose.option.work': 'Arbeit',
      'field.purpose.option.study': 'Studium oder Ausbildung',
      'field.purpose.option.family': 'Familie',
      'field.purpose.option.other': 'anderer Zweck',
      'field.employer.label': 'Arbeitgeber',
      'field.benefits.label': 'Beziehen Sie Bürgergeld oder Sozialhilfe?',
      'field.passport.label': 'Pass (Seite mit Foto)',
      'field.photo.label': 'Biometrisches Passfoto',
      'field.purpose_proof.label': 'Nachweise zum Zweck (z. B. Arbeitsvertrag und die letzten drei Gehaltsabrechnungen, Studienbescheinigung, Heiratsurkunde)',
      'field.insurance.label': 'Nachweis der Krankenversicherung',
    },
    en: {
      title: 'Extension of a residence permit',
      intro: 'Apply before your residence title expires. Have your passport, photo and proofs at hand.',
      receipt_fiktion:
        'You applied for the extension before your residence title expired. Until we decide, your current residence title remains valid (Section 81 (4) Residence Act). On request you receive a Fiktionsbescheinigung.',
      'step.person': 'About you',
      'step.title': 'Your residence title',
      'step.documents': 'Documents',
      'field.family_name.label': 'Family name',
      'field.given_names.label': 'Given names',
      'field.birth_date.label': 'Date of birth',
      'field.email.label': 'E-mail address',
      'field.address.label': 'Address',
      'field.title_valid_until.label': 'Your residence title is valid until',
      'field.purpose.label': 'Purpose of your stay',
      'field.purpose.option.work': 'Work',
      'field.purpose.option.study': 'Studies or training',
      'field.purpose.option.family': 'Family',
      'field.purpose.option.other': 'Other purpose',
      'field.employer.label': 'Employer',
      'field.benefits.label': 'Do you receive citizen’s income (Bürgergeld) or social assistance?',
      'field.passport.label': 'Passport (page with the photo)',
      'field.photo.label': 'Biometric passport photo',
      'field.purpose_proof.label':
        'Proof of the purpose (e.g. employment contract and the last three payslips, certificate of enrolment, marriage certificate)',
      'field.insurance.label': 'Proof of health insurance',
    },
  },
};
