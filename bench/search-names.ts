/** Names and words for bench/search.bench.ts: each name in Latin, Cyrillic, Arabic and another Latin spelling. */
export type ScriptForms = { latin: string; cyrillic: string; arabic: string; other: string };

// Syllables of family names in four forms; combined they give a few thousand distinct names.
const starts: ScriptForms[] = [
  { latin: 'Pet', cyrillic: 'Пет', arabic: 'بت', other: 'Pett' },
  { latin: 'Kov', cyrillic: 'Ков', arabic: 'كوف', other: 'Kow' },
  { latin: 'Shev', cyrillic: 'Шев', arabic: 'شف', other: 'Schew' },
  { latin: 'Bond', cyrillic: 'Бонд', arabic: 'بوند', other: 'Bont' },
  { latin: 'Tkach', cyrillic: 'Ткач', arabic: 'تكاش', other: 'Tkatsch' },
  { latin: 'Kuz', cyrillic: 'Куз', arabic: 'كوز', other: 'Kus' },
  { latin: 'Mel', cyrillic: 'Мел', arabic: 'مل', other: 'Mell' },
  { latin: 'Hadd', cyrillic: 'Хадд', arabic: 'حد', other: 'Had' },
  { latin: 'Rah', cyrillic: 'Рах', arabic: 'رح', other: 'Rach' },
  { latin: 'Kar', cyrillic: 'Кар', arabic: 'كر', other: 'Kaar' },
  { latin: 'Sal', cyrillic: 'Сал', arabic: 'سل', other: 'Saal' },
  { latin: 'Nas', cyrillic: 'Нас', arabic: 'نص', other: 'Nass' },
  { latin: 'Yus', cyrillic: 'Юс', arabic: 'يوس', other: 'Jus' },
  { latin: 'Mor', cyrillic: 'Мор', arabic: 'مور', other: 'Mohr' },
  { latin: 'Lys', cyrillic: 'Лыс', arabic: 'لس', other: 'Lis' },
  { latin: 'Zakh', cyrillic: 'Зах', arabic: 'زخ', other: 'Sach' },
  { latin: 'Dan', cyrillic: 'Дан', arabic: 'دان', other: 'Dann' },
  { latin: 'Fed', cyrillic: 'Фед', arabic: 'فد', other: 'Fedd' },
  { latin: 'Gor', cyrillic: 'Гор', arabic: 'غور', other: 'Ghor' },
  { latin: 'Ibr', cyrillic: 'Ибр', arabic: 'إبر', other: 'Ebr' },
  { latin: 'Jab', cyrillic: 'Джаб', arabic: 'جاب', other: 'Dschab' },
  { latin: 'Khal', cyrillic: 'Хал', arabic: 'خال', other: 'Chal' },
  { latin: 'Vol', cyrillic: 'Вол', arabic: 'فول', other: 'Wol' },
  { latin: 'Tar', cyrillic: 'Тар', arabic: 'طار', other: 'Tahr' },
];
const middles: ScriptForms[] = [
  { latin: 'ren', cyrillic: 'рен', arabic: 'رن', other: 'renn' },
  { latin: 'al', cyrillic: 'ал', arabic: 'ال', other: 'aal' },
  { latin: 'im', cyrillic: 'им', arabic: 'يم', other: 'ihm' },
  { latin: 'ud', cyrillic: 'уд', arabic: 'ود', other: 'oud' },
  { latin: 'ash', cyrillic: 'аш', arabic: 'اش', other: 'asch' },
  { latin: 'ol', cyrillic: 'ол', arabic: 'ول', other: 'oll' },
  { latin: 'ir', cyrillic: 'ир', arabic: 'ير', other: 'ier' },
  { latin: 'an', cyrillic: 'ан', arabic: 'ان', other: 'ann' },
  { latin: 'ek', cyrillic: 'ек', arabic: 'ك', other: 'eck' },
  { latin: 'uz', cyrillic: 'уз', arabic: 'وز', other: 'us' },
  { latin: 'ob', cyrillic: 'об', arabic: 'وب', other: 'obb' },
  { latin: 'eh', cyrillic: 'ех', arabic: 'ه', other: 'ech' },
];
const endings: ScriptForms[] = [
  { latin: 'enko', cyrillic: 'енко', arabic: 'ينكو', other: 'enco' },
  { latin: 'ov', cyrillic: 'ов', arabic: 'وف', other: 'ow' },
  { latin: 'ova', cyrillic: 'ова', arabic: 'وفا', other: 'owa' },
  { latin: 'uk', cyrillic: 'ук', arabic: 'وك', other: 'uck' },
  { latin: 'i', cyrillic: 'и', arabic: 'ي', other: 'y' },
  { latin: 'ad', cyrillic: 'ад', arabic: 'اد', other: 'at' },
  { latin: 'yan', cyrillic: 'ян', arabic: 'يان', other: 'jan' },
  { latin: 'sky', cyrillic: 'ский', arabic: 'سكي', other: 'ski' },
  { latin: 'chuk', cyrillic: 'чук', arabic: 'تشوك', other: 'tschuk' },
  { latin: 'ani', cyrillic: 'ани', arabic: 'اني', other: 'aani' },
];

const join = (parts: ScriptForms[]): ScriptForms => ({
  latin: parts.map((p) => p.latin).join(''),
  cyrillic: parts.map((p) => p.cyrillic).join(''),
  arabic: parts.map((p) => p.arabic).join(''),
  other: parts.map((p) => p.other).join(''),
});

/** 24 × 12 × 10 = 2,880 family names. */
export function familyNames(): ScriptForms[] {
  const names: ScriptForms[] = [];
  for (const start of starts) for (const middle of middles) for (const ending of endings) names.push(join([start, middle, ending]));
  return names;
}

export function givenNames(): ScriptForms[] {
  const list: [string, string, string, string][] = [
    ['Oleksandr', 'Олександр', 'أولكسندر', 'Alexander'],
    ['Olena', 'Олена', 'أولينا', 'Elena'],
    ['Serhii', 'Сергій', 'سيرهي', 'Sergej'],
    ['Iryna', 'Ірина', 'إيرينا', 'Irina'],
    ['Andrii', 'Андрій', 'أندري', 'Andrej'],
    ['Tetiana', 'Тетяна', 'تيتيانا', 'Tatjana'],
    ['Dmytro', 'Дмитро', 'دميترو', 'Dmitri'],
    ['Nataliia', 'Наталія', 'ناتاليا', 'Natalja'],
    ['Yurii', 'Юрій', 'يوري', 'Jurij'],
    ['Mykola', 'Микола', 'ميكولا', 'Nikolai'],
    ['Anna', 'Анна', 'آنا', 'Ana'],
    ['Maksym', 'Максим', 'ماكسيم', 'Maxim'],
    ['Viktoriia', 'Вікторія', 'فيكتوريا', 'Viktoria'],
    ['Ivan', 'Иван', 'إيفان', 'Iwan'],
    ['Svitlana', 'Світлана', 'سفيتلانا', 'Swetlana'],
    ['Mohammed', 'Мухаммед', 'محمد', 'Muhammad'],
    ['Ahmed', 'Ахмед', 'أحمد', 'Ahmad'],
    ['Fatima', 'Фатима', 'فاطمة', 'Fatma'],
    ['Ali', 'Али', 'علي', 'Aly'],
    ['Mariam', 'Мариам', 'مريم', 'Maryam'],
    ['Yusuf', 'Юсуф', 'يوسف', 'Jussuf'],
    ['Aisha', 'Аиша', 'عائشة', 'Aischa'],
    ['Khalid', 'Халид', 'خالد', 'Chalid'],
    ['Zainab', 'Зайнаб', 'زينب', 'Seinab'],
    ['Hassan', 'Хасан', 'حسن', 'Hasan'],
    ['Layla', 'Лейла', 'ليلى', 'Leila'],
    ['Omar', 'Омар', 'عمر', 'Umar'],
    ['Nour', 'Нур', 'نور', 'Nur'],
    ['Karim', 'Карим', 'كريم', 'Kareem'],
    ['Samira', 'Самира', 'سميرة', 'Sameera'],
    ['Mehrnoush', 'Мехрнуш', 'مهر\u200cنوش', 'Mehrnush'],
    ['Reza', 'Реза', 'رضا', 'Resa'],
    ['Hossein', 'Хосейн', 'حسین', 'Hussein'],
    ['Zahra', 'Захра', 'زهرا', 'Sahra'],
    ['Mahmoud', 'Махмуд', 'محمود', 'Machmud'],
    ['Jamal', 'Джамаль', 'جمال', 'Dschamal'],
    ['Rana', 'Рана', 'رنا', 'Ranaa'],
    ['Bilal', 'Билал', 'بلال', 'Bilaal'],
    ['Dilnoza', 'Дилноза', 'دلنوزا', 'Dilnosa'],
    ['Farid', 'Фарид', 'فريد', 'Fareed'],
  ];
  return list.map(([latin, cyrillic, arabic, other]) => ({ latin, cyrillic, arabic, other }));
}

/** German words of the office's letters, most frequent first, then rarer made-up ones (Zipf-like use). */
export function documentWords(): string[] {
  const common = `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei
    einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei Antrag Aufenthaltserlaubnis
    Verlängerung Bescheid Ausländerbehörde Reisepass Arbeitgeber Arbeitsvertrag Wohnung Mietvertrag Krankenversicherung Nachweis Frist Termin
    Gebühr Unterlagen Vorsprache Familiennachzug Ehegatte Kinder Einkommen Lebensunterhalt Sprachkenntnisse Integrationskurs Niederlassungserlaubnis
    Fiktionsbescheinigung Aufenthaltstitel Duldung Widerspruch Anhörung Entscheidung Erteilung Ablehnung Zustimmung Bundesagentur Beschäftigung
    Studium Hochschule Ausbildung Betrieb Gehalt Steuer Meldebescheinigung Geburtsurkunde Heiratsurkunde Übersetzung Beglaubigung Kopie Original
    Passfoto Fingerabdrücke Kartenbestellung Abholung Schreiben Mitteilung Änderung Anschrift Umzug Zuständigkeit Landkreis Stadt Gemeinde Amt
    beantragt erteilt verlängert abgelehnt vorgelegt eingereicht nachgereicht geprüft bestätigt gültig abgelaufen erforderlich vollständig`
    .split(/\s+/)
    .filter(Boolean);
  const syllables = ['ver', 'ge', 'an', 'be', 'ent', 'lich', 'ung', 'keit', 'sch', 'rat', 'mel', 'dor', 'fal', 'tes', 'kun', 'wal', 'ber', 'hof', 'lin', 'sta'];
  const rare: string[] = [];
  for (const a of syllables) for (const b of syllables) for (const c of ['ung', 'en', 'er', 'heit', 'ig']) rare.push(`${a}${b}${c}`);
  return [...common, ...rare];
}
