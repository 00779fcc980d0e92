/** The kinds of residence title (Aufenthaltstitel and the papers like it), as the database knows them, with their German names. */
export const residenceTitleKinds = {
  visa: 'Visum',
  residence_permit: 'Aufenthaltserlaubnis',
  eu_blue_card: 'Blaue Karte EU',
  settlement_permit: 'Niederlassungserlaubnis',
  eu_long_term: 'Erlaubnis zum Daueraufenthalt-EU',
  temporary_protection: 'Aufenthaltserlaubnis (vorübergehender Schutz)',
  permission_to_reside: 'Aufenthaltsgestattung',
  toleration: 'Duldung',
  fictional_certificate: 'Fiktionsbescheinigung',
  eu_residence_card: 'Aufenthaltskarte EU',
  other: 'Sonstiges',
} as const;
export type ResidenceTitleKind = keyof typeof residenceTitleKinds;
export const residenceTitleKindCodes = Object.keys(residenceTitleKinds) as [ResidenceTitleKind, ...ResidenceTitleKind[]];
