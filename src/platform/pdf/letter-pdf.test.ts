import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparable, firstPagePng, poppler } from '../../../test/pdf-tools.ts';
import { languages, messagePattern, textDirection } from '../../web/i18n.ts';
import { layoutParagraph } from './bidi-lines.ts';
import { renderLetter, type Letter, type LetterSection } from './letter-pdf.ts';
import { faceFor, missingGlyphs } from './pdf-fonts.ts';

const sentences = ['portal.confirm.text', 'portal.manage.change.text', 'portal.manage.cancel.text'];

function letterIn(lang: string, extra: LetterSection['blocks'] = []): Letter {
  const german = sentences.map((key) => messagePattern('de', key) ?? key);
  const translated = sentences.map((key) => messagePattern(lang, key) ?? key);
  return {
    title: 'Terminbestätigung',
    lang: 'de',
    letterhead: {
      lines: ['Lahn-Dill-Kreis · Ausländerbehörde', 'Karl-Kellner-Ring 51 · 35576 Wetzlar'],
      returnAddress: 'Lahn-Dill-Kreis · Karl-Kellner-Ring 51 · 35576 Wetzlar',
    },
    recipient: ['Frau', 'Mehrnoosh Ahmadi', 'Bahnhofstraße 4', '35576 Wetzlar'],
    info: [
      ['Aktenzeichen', 'WZ-2026-000123'],
      ['Datum', '06.12.2026'],
    ],
    subject: 'Ihr Termin am 12. März 2027 um 09:30 Uhr',
    sections: [
      { lang: 'de', dir: 'ltr', blocks: german.map((text) => ({ kind: 'paragraph', text })) },
      ...(lang === 'de' ? [] : [{ lang, dir: textDirection(lang), blocks: [...translated.map((text) => ({ kind: 'paragraph' as const, text })), ...extra] }]),
    ],
    signature: ['Mit freundlichen Grüßen', 'Ihre Ausländerbehörde'],
    pageLabel: (page, pages) => `Seite ${page} von ${pages}`,
  };
}

test('every portal language has a face for every letter of its texts (no empty boxes on paper)', () => {
  for (const lang of languages) {
    const texts = sentences.map((key) => messagePattern(lang, key) ?? '').join(' ');
    assert.deepEqual(missingGlyphs(texts), [], lang);
  }
});

/**
 * The words of a page as a reader reads them: poppler's word boxes (pdftotext -bbox) grouped into
 * lines by their height on the page, each line read left to right, or right to left where the
 * letter's section is right-to-left (there a word's letters, given as they stand, are read back). (pdftotext's own running text splits a line whose word
 * carries an Arabic vowel mark, drawn higher, into two lines in the wrong order.)
 */
function readingOrder(pdf: Buffer, rtlAfterLineWith: string | undefined): string {
  const words = [...poppler('pdftotext', pdf, ['-bbox']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({
      x: Number(m[1]),
      y: (Number(m[2]) + Number(m[4])) / 2,
      bottom: Number(m[4]),
      text: m[5]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    }))
    .filter((word) => comparable(word.text, true) !== '');
  const lines: { y: number; words: typeof words }[] = [];
  for (const word of words.sort((a, b) => a.y - b.y)) {
    const line = lines.find((l) => Math.abs(l.y - word.y) < 4);
    if (line) line.words.push(word);
    else lines.push({ y: word.y, words: [word] });
  }
  const turn =
    rtlAfterLineWith === undefined ? Infinity : Math.max(...lines.map((line) => (line.words.some((w) => w.text === rtlAfterLineWith) ? line.y : -1)));
  return lines
    .map((line) => {
      const rtl = line.y > turn;
      return (
        line.words
          .sort((a, b) => (rtl ? b.x - a.x : a.x - b.x))
          // A right-to-left word's letters come in the order they stand on the page.
          .map((w) => (rtl && /\p{Script=Arabic}/u.test(w.text) ? [...w.text].reverse().join('') : w.text))
          .join(' ')
      );
    })
    .join('\n');
}

for (const lang of languages) {
  test(`a letter in German and ${lang}: the text read back from the PDF is the text written`, async () => {
    const pdf = await renderLetter(letterIn(lang, [{ kind: 'list', items: ['K7M-4QX', '12.03.2027'] }]));
    // The translation starts below the German signature ("Ihre Ausländerbehörde").
    const text = comparable(readingOrder(pdf, textDirection(lang) === 'rtl' ? 'Ausländerbehörde' : undefined), true);
    if (process.env.LOTSE_DEBUG_PDF) console.log(readingOrder(pdf, textDirection(lang) === 'rtl' ? 'Ausländerbehörde' : undefined));
    for (const key of sentences) {
      assert.ok(text.includes(comparable(messagePattern('de', key)!)), `German ${key}`);
      assert.ok(text.includes(comparable(messagePattern(lang, key)!)), `${lang} ${key}`);
    }
    if (lang !== 'de') assert.ok(text.includes('K7M-4QX') && text.includes('12.03.2027'), 'codes and dates stay left to right inside any language');
    // Every font is embedded (as a subset), none is left to the reader's machine.
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0);
    for (const row of fonts) assert.match(row, /\byes\s+yes\s+yes\b/, row);
  });
}

test('a long letter runs over pages, each numbered "Seite n von N", and says it is PDF/A-2b', async () => {
  const long = Array.from(
    { length: 14 },
    (_, i) => `Absatz ${i + 1}: ${messagePattern('de', 'portal.manage.cancel.text')} ${messagePattern('de', 'portal.confirm.text')}`,
  );
  const letter = letterIn('de');
  const pdf = await renderLetter({ ...letter, sections: [{ lang: 'de', dir: 'ltr', blocks: long.map((text) => ({ kind: 'paragraph', text })) }] });
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
  assert.ok(pages >= 2, `${pages} pages`);
  const text = poppler('pdftotext', pdf);
  for (let page = 1; page <= pages; page++) assert.match(text, new RegExp(`Seite ${page} von ${pages}`));
  assert.match(text, /Absatz 14:/);
  const xmp = pdf.toString('latin1');
  assert.match(xmp, /pdfaid:part>2<|pdfaid:part="2"/);
  assert.match(xmp, /pdfaid:conformance>B<|pdfaid:conformance="B"/);
});

test('the first page is a DIN 5008 form B page: the address sits in the envelope window', async () => {
  const pdf = await renderLetter(letterIn('de'));
  // pdftotext -bbox gives each word's box in points; the window is 20–105 mm across, 45–90 mm down.
  const boxes = poppler('pdftotext', pdf, ['-bbox']);
  const word = (w: string) => {
    const match = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${w}<`).exec(boxes);
    assert.ok(match, w);
    return match.slice(1).map((v) => (Number(v) * 25.4) / 72);
  };
  for (const w of ['Mehrnoosh', 'Ahmadi', 'Bahnhofstraße']) {
    const [xMin, yMin, xMax, yMax] = word(w) as [number, number, number, number];
    assert.ok(xMin >= 20 && xMax <= 105 && yMin >= 45 && yMax <= 90, `${w} at ${xMin.toFixed(1)},${yMin.toFixed(1)} mm`);
  }
  // And the page renders (a reader's tool draws it without complaint).
  const png = firstPagePng(pdf);
  assert.ok(png.length > 2000 && png.subarray(1, 4).toString() === 'PNG');
});

test('a right-to-left line keeps codes and digits left to right, in their place', () => {
  const measure = (text: string) => text.length;
  const [line] = layoutParagraph('کد شما: K7M-4QX در ۱۲ مارس', { direction: 'rtl', weight: 'regular', maxWidth: 1000, measure });
  assert.ok(line);
  // Visual order, left to right: the sentence's end (مارس) is leftmost, its start (کد) rightmost.
  const visual = line.pieces.map((piece) => piece.text.trim());
  assert.equal(visual[0], 'مارس');
  assert.equal(visual.at(-1), 'کد');
  assert.ok(visual.indexOf('K7M-4QX') < visual.indexOf('شما') && visual.indexOf('۱۲') < visual.indexOf('در'));
  assert.equal(line.pieces.find((piece) => piece.text.trim() === 'K7M-4QX')?.rtl, false);
});

test('a line breaks only between words, and a word longer than the line stands alone', () => {
  const measure = (text: string) => text.length;
  const lines = layoutParagraph('eins zwei drei Donaudampfschifffahrt vier', { direction: 'ltr', weight: 'regular', maxWidth: 10, measure });
  assert.deepEqual(
    lines.map((line) => line.pieces.map((piece) => piece.text).join('')),
    ['eins zwei', 'drei', 'Donaudampfschifffahrt', 'vier'],
  );
});

test('each script is set in a face that has it', () => {
  const name = (ch: string) => faceFor(ch.codePointAt(0)!, 'regular', undefined)?.name;
  assert.match(name('ä') ?? '', /^noto-sans-latin/);
  assert.match(name('Ж') ?? '', /^noto-sans-cyrillic/);
  assert.match(name('ư') ?? '', /^noto-sans-(latin|vietnamese)/);
  assert.match(name('پ') ?? '', /^vazirmatn/);
  assert.match(name('ټ') ?? '', /^vazirmatn/, 'Pashto');
  assert.match(name('ሰ') ?? '', /^noto-sans-ethiopic/, 'Tigrinya');
});
