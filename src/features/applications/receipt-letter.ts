import type { Database } from '../../db/database.ts';
import { renderLetter, type LetterBlock } from '../../platform/pdf/letter-pdf.ts';
import { formatDateTime } from '../../web/format.ts';
import { sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import { loadLetterhead } from '../office/index.ts';
import { answerRows } from './answer-text.ts';
import type { Answers } from './answers.ts';
import type { FormVersion } from './form-store.ts';
import { readerTexts, type FormTexts } from './form-texts.ts';

export type ReceiptInput = {
  version: FormVersion;
  translation: { texts: FormTexts; source_digest: string } | undefined;
  lang: Lang;
  answers: Answers;
  uploads: ReadonlyMap<string, string[]>;
  procedureNumber: string;
  submittedAt: Date;
  timeZone: string;
  applicantName: string;
};

/**
 * The receipt of an application as a PDF: the procedure number, when it was submitted, every answer
 * and file as submitted, and — where the form says so — the office's own note on the continued
 * validity of the current title (§ 81 (4) AufenthG). German first, then the applicant's language.
 */
export async function receiptLetter(db: Database, input: ReceiptInput): Promise<Buffer> {
  const letterhead = await loadLetterhead({ db }, input.version.locationId);
  const r = (lang: Lang, key: string, values?: Record<string, string>) => translate(lang, `apply.receipt.${key}`, values);
  const section = (lang: Lang): LetterBlock[] => {
    const texts = readerTexts(input.version.texts, input.version.sourceDigest, lang, lang === sourceLang ? undefined : input.translation);
    const rows = answerRows(lang, texts, input.version.definition, input.answers, input.uploads);
    const fiktion = input.version.definition.fiktionNote ? texts.text('receipt_fiktion')?.text : undefined;
    return [
      { kind: 'heading', text: r(lang, 'title') },
      { kind: 'paragraph', text: r(lang, 'text', { form: texts.text('title')?.text ?? input.version.slug, number: input.procedureNumber }) },
      ...(fiktion ? [{ kind: 'paragraph' as const, text: fiktion }] : []),
      { kind: 'facts', rows: rows.map((row) => [row.label, row.value] as const) },
    ];
  };
  return renderLetter({
    title: `${r(sourceLang, 'title')} ${input.procedureNumber}`,
    lang: sourceLang,
    letterhead: { lines: [letterhead.authority, ...letterhead.contactLines], returnAddress: letterhead.returnAddress },
    recipient: [input.applicantName],
    info: [
      [r(sourceLang, 'number'), input.procedureNumber],
      [translate(sourceLang, 'staff.letter.date'), formatDateTime(sourceLang, input.submittedAt, input.timeZone)],
    ],
    subject: `${r(sourceLang, 'title')} ${input.procedureNumber}`,
    sections: [
      { lang: sourceLang, dir: 'ltr', blocks: section(sourceLang) },
      ...(input.lang === sourceLang ? [] : [{ lang: input.lang, dir: textDirection(input.lang), blocks: section(input.lang) }]),
    ],
    signature: [],
    pageLabel: (page, pages) => translate(sourceLang, 'staff.letter.page', { page, pages }),
  });
}
