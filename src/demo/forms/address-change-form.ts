import { megabytes, pdfOrImage, type DemoForm } from './demo-form.ts';

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
    person: { familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', email: 'email' },
    fiktionNote: false,
    steps: [
      {
        key: 'person',
        fields: [
          { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
          { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
          { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
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
  texts: {
    de: {
      title: 'Neue Anschrift auf dem Aufenthaltstitel',
      intro: 'Sie sind umgezogen und haben sich beim Bürgeramt angemeldet? Dann ändern wir die Anschrift auf Ihrer Karte.',
      'step.person': 'Ihre Angaben',
      'step.move': 'Ihr Umzug',
      'step.documents': 'Unterlagen',
      'field.family_name.label': 'Familienname',
      'field.given_names.label': 'Vornamen',
      'field.birth_date.label': 'Geburtsdatum',
      'field.email.label': 'E-Mail-Adresse',
      'field.card_number.label': 'Kartennummer Ihres Aufenthaltstitels',
      'field.card_number.help': 'Neun Zeichen oben rechts auf der Vorderseite der Karte.',
      'message.card_number': 'Die Kartennummer hat neun Zeichen.',
      'field.new_address.label': 'Neue Anschrift',
      'field.moved_on.label': 'Umzugsdatum',
      'field.family_moves.label': 'Ziehen Familienangehörige mit um?',
      'field.family_members.label': 'Familienangehörige, die mit umziehen',
      'field.family_members.family_name.label': 'Familienname',
      'field.family_members.given_names.label': 'Vornamen',
      'field.family_members.birth_date.label': 'Geburtsdatum',
      'field.registration.label': 'Meldebescheinigung des Bürgeramts',
    },
    en: {
      title: 'New address on the residence card',
      intro: 'You moved and registered at the citizens’ office? Then we change the address on your card.',
      'step.person': 'About you',
      'step.move': 'Your move',
      'step.documents': 'Documents',
      'field.family_name.label': 'Family name',
      'field.given_names.label': 'Given names',
      'field.birth_date.label': 'Date of birth',
      'field.email.label': 'E-mail address',
      'field.card_number.label': 'Card number of your residence title',
      'field.card_number.help': 'Nine characters at the top right of the front of the card.',
      'message.card_number': 'The card number has nine characters.',
      'field.new_address.label': 'New address',
      'field.moved_on.label': 'Date of the move',
      'field.family_moves.label': 'Are family members moving with you?',
      'field.family_members.label': 'Family members moving with you',
      'field.family_members.family_name.label': 'Family name',
      'field.family_members.given_names.label': 'Given names',
      'field.family_members.birth_date.label': 'Date of birth',
      'field.registration.label': 'Registration certificate of the citizens’ office',
    },
  },
};
