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
