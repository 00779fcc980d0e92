/** A demo office's application form: its definition (src/features/applications/form-definition.ts) and texts per language. */
export type DemoForm = {
  slug: string;
  procedureTypeCode: string;
  definition: unknown;
  /** German first (the source); every other language a translation of exactly these keys. */
  texts: Record<string, Record<string, string>>;
};

export const pdfOrImage = ['application/pdf', 'image/jpeg', 'image/png'];
export const megabytes = (n: number) => n * 1024 * 1024;

/** Who applies, as every demo form asks it first (the person is found or created by these). */
export const identityFields = [
  { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
  { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
  { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
];
export const applicant = { familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', email: 'email' };
