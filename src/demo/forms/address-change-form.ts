import { applicant, identityFields, megabytes, pdfOrImage, type DemoForm, demoFormTexts } from './demo-form.ts';

/**
 * Change of address on the residence card (§ 78 AufenthG: the eAT's chip holds the address). After
 * the offices' "Mitteilung über Wohnsitzänderung" forms: new address, moving date, the residence
 * card's number, the registration certificate of the Bürgeramt (Meldebescheinigung, § 24 BMG) and
 * the card itself to bring to the appointment.
 */
export const addressChangeForm: DemoForm = {
  slug: 'address-change',
  procedureTypeCode: 'address-change',
  definition: {
    person: applicant,
    fiktionNote: false,
    steps: [
      {
        key: 'person',
        fields: [
          ...identityFields,
          { key: 'email', kind: 'email' },
          // Nine characters: at most nine by maxLength, at least nine by the rule (JSON Logic's substr).
          {
            key: 'card_number',
            kind: 'text',
            required: true,
            maxLength: 9,
            rules: [{ if: { '!=': [{ substr: [{ var: 'card_number' }, 8, 1] }, ''] }, message: 'card_number' }],
          },
        ],
      },
      {
        key: 'move',
        fields: [
          { key: 'new_address', kind: 'address', required: true },
          { key: 'moved_on', kind: 'date', required: true, range: 'past' },
          { key: 'family_moves', kind: 'yesno', required: true },
          {
            key: 'family_members',
            kind: 'group',
            showIf: { '==': [{ var: 'family_moves' }, true] },
            requireIf: { '==': [{ var: 'family_moves' }, true] },
            fields: [
              { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
              { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
              { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
            ],
          },
        ],
      },
      { key: 'documents', fields: [{ key: 'registration', kind: 'file', required: true, accept: pdfOrImage, maxBytes: megabytes(10), maxPages: 4 }] },
    ],
  },
  texts: demoFormTexts('address-change'),
};
