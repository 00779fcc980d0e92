import { createRequire } from 'node:module';
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
export type FontFace = { name: string; file: string; weight: Weight; has(codePoint: number): boolean };

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
      return { name: `${prefix}-${subset}-${weight}`, file, weight, has: (codePoint: number) => font.hasGlyphForCodePoint(codePoint) };
    }),
  );
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
