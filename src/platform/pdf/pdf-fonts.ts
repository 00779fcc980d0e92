import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * The fonts letters are set in, embedded (subset) in every PDF. Noto Sans for Latin (with
 * Vietnamese), Cyrillic and Greek; Vazirmatn for Arabic script (Arabic, Persian, Dari, Pashto);
 * Noto Sans Ethiopic for Tigrinya. Vazirmatn, not Noto Sans Arabic: Noto draws the dots as marks
 * over shared dotless glyphs, so text copied or extracted from the PDF came out with wrong letters
 * (تصريح → يصريح); Vazirmatn's glyphs map back to the letters written.
 * The files come from the @fontsource packages (npm), so a fresh install has them.
 */
export type Weight = 'regular' | 'bold';
export type FontFace = { name: string; file: string; weight: Weight; has(codePoint: number): boolean; sfnt(): Buffer };

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) => require.resolve(`@fontsource/${pkg}/files/${file}`);

const families: { pkg: string; prefix: string; subsets: string[] }[] = [
  { pkg: 'noto-sans', prefix: 'noto-sans', subsets: ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek'] },
  { pkg: 'vazirmatn', prefix: 'vazirmatn', subsets: ['arabic'] },
  { pkg: 'noto-sans-ethiopic', prefix: 'noto-sans-ethiopic', subsets: ['ethiopic'] },
];

function loadFaces(weight: Weight): FontFace[] {
  const numeric = weight === 'bold' ? 700 : 400;
  return families.flatMap(({ pkg, prefix, subsets }) =>
    subsets.map((subset) => {
      const file = fontFile(pkg, `${prefix}-${subset}-${numeric}-normal.woff`);
      const font = fontkit.openSync(file) as fontkit.Font;
      let sfnt: Buffer | undefined;
      return {
        name: `${prefix}-${subset}-${weight}`,
        file,
        weight,
        has: (codePoint: number) => font.hasGlyphForCodePoint(codePoint),
        sfnt: () => (sfnt ??= sfntOfWoff(readFileSync(file))),
      };
    }),
  );
}

/**
 * The plain TrueType/OpenType bytes inside a WOFF 1.0 file (its tables inflated once). Each PDF
 * parses its fonts afresh; given the WOFF, fontkit inflated every table in JavaScript for every
 * letter, which took most of a letter's time (bench/invitations.bench.ts).
 */
export function sfntOfWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const header = 12 + numTables * 16;
  const out = Buffer.alloc(header + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(numTables, 4);
  const entrySelector = Math.floor(Math.log2(numTables));
  out.writeUInt16BE(2 ** entrySelector * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10);
  let offset = header;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + i * 16);
    out.writeUInt32BE(t.checksum, 16 + i * 16);
    out.writeUInt32BE(offset, 20 + i * 16);
    out.writeUInt32BE(t.data.length, 24 + i * 16);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

let faces: Record<Weight, FontFace[]> | undefined;

export function fontFaces(weight: Weight): FontFace[] {
  faces ??= { regular: loadFaces('regular'), bold: loadFaces('bold') };
  return faces[weight];
}

/**
 * The face a character is set in: the first that has it. Spaces, punctuation and digits take the
 * face of the text around them (`previous`), so a run is not split at every space.
 */
export function faceFor(codePoint: number, weight: Weight, previous: FontFace | undefined): FontFace | undefined {
  if (previous?.has(codePoint)) return previous;
  return fontFaces(weight).find((face) => face.has(codePoint));
}

/** Characters no embedded face can draw (they would print as empty boxes). */
export function missingGlyphs(text: string): string[] {
  const all = fontFaces('regular');
  return [...new Set([...text])].filter((ch) => {
    const codePoint = ch.codePointAt(0) ?? 0;
    return !/[\s\u200b-\u200f\u2066-\u2069]/u.test(ch) && !all.some((face) => face.has(codePoint));
  });
}
