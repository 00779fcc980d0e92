/**
 * The keys a name is searched by (stored in case_person_name). `normalized`: Latin letters
 * (Cyrillic, Arabic and Persian transliterated), lower case, marks removed, single spaces.
 * `skeleton`: a looser key in which vowels, doubled letters and the usual differences between
 * transliterations fold, so that spellings of one name meet (Mohammed / Muhammad / محمد → "mhmd",
 * Oleksandr / Aleksandr / Alexander / Олександр → "lksndr").
 */
export type NameKeys = { normalized: string; skeleton: string };

export function nameKeys(value: string): NameKeys {
  const normalized = normalizeName(value, cyrillicTableFor(value));
  return { normalized, skeleton: skeletonOf(normalized) };
}

/**
 * The keys a search query is tried with: the query's own keys, and for the ambiguous cases
 * (Cyrillic read as Ukrainian or Russian; a Latin "j" that is a consonant in Jamal but a
 * transliterated "й" in Sergej, Jurij) the other reading, so that either way of writing finds
 * the stored name. Duplicates removed; at most eight.
 */
export function nameKeyVariants(query: string): NameKeys[] {
  const readings = /[\u0400-\u04FF]/.test(query) ? [ukrainian, russian] : [cyrillicTableFor(query)];
  const variants: NameKeys[] = [];
  for (const table of readings) {
    const normalized = normalizeName(query, table);
    variants.push({ normalized, skeleton: skeletonOf(normalized) });
    for (const other of otherReadings(normalized)) variants.push({ normalized, skeleton: skeletonOf(other) });
  }
  const seen = new Set<string>();
  return variants.filter((keys) => {
    const id = `${keys.normalized}|${keys.skeleton}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A Latin "j" read as "y" (Jurij), a German "ch" read as "kh" (Chalid); both at once. */
function otherReadings(normalized: string): string[] {
  const readings: string[] = [];
  const yForJ = normalized.replace(/j/g, 'y');
  if (yForJ !== normalized) readings.push(yForJ);
  for (const reading of [normalized, yForJ]) {
    const khForCh = reading.replace(/(^|[^st])ch/g, '$1kh');
    if (khForCh !== reading) readings.push(khForCh);
  }
  return readings;
}

function normalizeName(value: string, cyrillic: Record<string, string>): string {
  // Composed first: й, ё, ї and أ must be read before NFKD takes their marks off.
  const letters = [
    ...value
      // ZWNJ and tatweel sit inside one Persian/Arabic word (Mehrnoush): they join, never split.
      .replace(/\u200C|\u200D|\u0640/g, '')
      .normalize('NFKC')
      .toLowerCase(),
  ];
  let latin = '';
  letters.forEach((letter, index) => {
    latin += cyrillic[letter] ?? arabicLetter(letter, letters[index - 1]) ?? otherLatin[letter] ?? letter;
  });
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** Folds differences between transliteration schemes (English, German, French, ISO) and drops vowels. */
function skeletonOf(normalized: string): string {
  return (
    normalized
      .replace(/dzh|dsch|dj/g, 'j')
      .replace(/shch|tsch|sch|zh/g, (match) => (match === 'tsch' ? 'ch' : match === 'zh' ? 'j' : 'sh'))
      .replace(/kh|gh/g, 'h')
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/x/g, 'ks')
      .replace(/ck|q|c(?!h)/g, 'k')
      .replace(/w/g, 'v')
      // German writes з as s and ц as z (Kusnezow), English as z and ts (Kuznetsov): one letter.
      .replace(/tz|ts|z/g, 's')
      // Ukrainian г is h, Russian г is g (Hryhorii / Grigorii): one letter in the skeleton.
      .replace(/g/g, 'h')
      .replace(/[aeiouy]/g, '')
      .replace(/(\p{L})\1+/gu, '$1')
      .replace(/ +/g, ' ')
      .trim()
  );
}

/** Letters only Ukrainian uses decide the reading; otherwise Russian (the two differ in и, г, й). */
function cyrillicTableFor(value: string): Record<string, string> {
  return /[іїєґ]/i.test(value) ? ukrainian : russian;
}

const commonCyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ъ: '',
  ю: 'yu',
  я: 'ya',
  "'": '',
};
// Ukrainian national transliteration (KMU 2010), Russian after ICAO 9303 / the passports.
const ukrainian: Record<string, string> = { ...commonCyrillic, г: 'h', ґ: 'g', и: 'y', і: 'i', ї: 'yi', й: 'i', є: 'ye', ы: 'y', э: 'e', ё: 'e' };
const russian: Record<string, string> = { ...commonCyrillic, г: 'g', ґ: 'g', и: 'i', і: 'i', ї: 'yi', й: 'i', є: 'ye', ы: 'y', э: 'e', ё: 'e' };

const arabicLetters: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: '',
  ئ: '',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  // Arabic and Persian kaf (ك / ک), and the Persian letters.
  ك: 'k',
  ک: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
};

/** و and ي/ی are consonants at the start of a word (Walid, Yusuf) and long vowels inside (Yusuf, Karim). */
function arabicLetter(letter: string, before: string | undefined): string | undefined {
  const wordStart = before === undefined || !/[\u0600-\u06FF]/.test(before);
  if (letter === 'و') return wordStart ? 'w' : 'u';
  // Arabic yeh (ي) and Persian yeh (ی) are one letter to the reader.
  if (letter === 'ي' || letter === 'ی') return wordStart ? 'y' : 'i';
  return arabicLetters[letter];
}

/** Latin letters NFKD does not take apart. */
const otherLatin: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
