import bidiModule from 'bidi-js';
import { faceFor, type FontFace, type Weight } from './pdf-fonts.ts';

/**
 * Breaks a paragraph into lines and puts each line's pieces in visual order (Unicode bidirectional
 * algorithm, bidi-js): PDFKit itself knows no bidi, and an Arabic or Persian sentence holds Latin
 * digits, dates and codes that must stay left-to-right inside it. A piece is text of one face and
 * one embedding level; fontkit shapes it (joining forms, lam-alef) and orders an Arabic piece's
 * glyphs right to left itself.
 */
export type Piece = { text: string; face: FontFace; rtl: boolean; width: number };
export type Line = { pieces: Piece[]; width: number };
export type Measure = (text: string, face: FontFace) => number;

// bidi-js is CommonJS whose module.exports is the factory; its types describe an ES default export.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

type Span = { text: string; face: FontFace; level: number };

/** Logical spans of one face and one level, split after each space (the places a line may break). */
function spans(text: string, direction: 'ltr' | 'rtl', weight: Weight): Span[] {
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const result: Span[] = [];
  let face: FontFace | undefined;
  let index = 0;
  for (const ch of text) {
    const level = levels[index] ?? 0;
    const codePoint = ch.codePointAt(0) ?? 0;
    face = faceFor(codePoint, weight, face);
    index += ch.length;
    if (!face) continue;
    const shown = level % 2 === 1 ? (bidi.getMirroredCharacter(ch) ?? ch) : ch;
    const last = result.at(-1);
    if (last && last.face === face && last.level === level && !/\s$/u.test(last.text)) last.text += shown;
    else result.push({ text: shown, face, level });
  }
  return result;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above. */
function visualOrder<T extends { level: number }>(items: T[]): T[] {
  const out = [...items];
  const levels = out.map((item) => item.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if ((out[i]?.level ?? 0) < level) continue;
      let j = i;
      while (j + 1 < out.length && (out[j + 1]?.level ?? 0) >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}

export function layoutParagraph(text: string, options: { direction: 'ltr' | 'rtl'; weight: Weight; maxWidth: number; measure: Measure }): Line[] {
  const lines: Line[] = [];
  let current: (Span & { width: number })[] = [];
  let width = 0;
  const flush = () => {
    if (current.length === 0) return;
    // A space at the line's end takes no room.
    const last = current.at(-1)!;
    const trimmed = last.text.replace(/\s+$/u, '');
    if (trimmed !== last.text) current[current.length - 1] = { ...last, text: trimmed, width: trimmed ? options.measure(trimmed, last.face) : 0 };
    const pieces = visualOrder(current.filter((span) => span.text !== '')).map((span) => ({
      text: span.text,
      face: span.face,
      rtl: span.level % 2 === 1,
      width: span.width,
    }));
    lines.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) });
    current = [];
    width = 0;
  };
  // A line breaks only after a space: the spans up to the next space are one word.
  let word: (Span & { width: number })[] = [];
  const place = () => {
    const wordWidth = word.reduce((sum, span, i) => sum + (i === word.length - 1 ? options.measure(span.text.replace(/\s+$/u, ''), span.face) : span.width), 0);
    if (width + wordWidth > options.maxWidth && current.length > 0) flush();
    for (const span of word) {
      current.push(span);
      width += span.width;
    }
    word = [];
  };
  for (const span of spans(text, options.direction, options.weight)) {
    word.push({ ...span, width: options.measure(span.text, span.face) });
    if (/\s$/u.test(span.text)) place();
  }
  if (word.length > 0) place();
  flush();
  return lines;
}
