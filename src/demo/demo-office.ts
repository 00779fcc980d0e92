/** The demo office: an immigration office of a Landkreis with two locations (names and people invented). */

type Hours = { weekday: number; starts: string; ends: string };

const days = (weekdays: number[], starts: string, ends: string): Hours[] => weekdays.map((weekday) => ({ weekday, starts, ends }));
const open = (weekdays: number[], opens: string, closes: string) => weekdays.map((weekday) => ({ weekday, opens, closes }));

/**
 * Days the office is closed besides the public holidays of Hesse: the coming Christmas Eve from
 * noon, or a day of next week (1 = Monday), whole or in part.
 */
type DemoClosure = { on: 'christmas-eve' | { dayOfNextWeek: number }; starts: string | null; ends: string | null; reason: string };

export const demoLocations = [
  {
    slug: 'wetzlar',
    name: 'Ausländerbehörde Wetzlar',
    address: 'Karl-Kellner-Ring 51, 35576 Wetzlar',
    // Wednesday closed to the public: clerks work their cases (and phone customers) then.
    federalState: 'HE',
    // Walk-in hours; appointments follow from the clerks' hours.
    openingHours: [...open([1, 2, 4, 5], '08:00', '12:00'), ...open([4], '14:00', '18:00')],
    closures: [
      { on: 'christmas-eve', starts: '12:00', ends: '24:00', reason: 'Heiligabend' },
      { on: { dayOfNextWeek: 4 }, starts: '14:00', ends: '16:00', reason: 'Personalversammlung' },
    ] as DemoClosure[],
    counters: ['Schalter 1', 'Schalter 2', 'Schalter 3', 'Schalter 4', 'Schalter 5', 'Zimmer 101', 'Zimmer 102', 'Zimmer 103', 'Zimmer 104'],
    resources: [{ kind: 'biometrics-station', name: 'Fingerabdruck- und Fotostation (Erdgeschoss)' }],
  },
  {
    slug: 'dillenburg',
    name: 'Ausländerbehörde Dillenburg',
    address: 'Wilhelmstraße 16, 35683 Dillenburg',
    federalState: 'HE',
    openingHours: open([1, 2, 4], '08:00', '12:00'),
    closures: [{ on: 'christmas-eve', starts: '12:00', ends: '24:00', reason: 'Heiligabend' }] as DemoClosure[],
    counters: ['Schalter 1', 'Schalter 2', 'Schalter 3', 'Zimmer 12', 'Zimmer 13'],
    resources: [{ kind: 'biometrics-station', name: 'Fingerabdruck- und Fotostation' }],
  },
];

export const demoSpecialties = [
  { slug: 'front-office', name: 'Frontoffice (Servicebereich)', queuePrefix: 'A', routingRule: null },
  { slug: 'back-office-a-k', name: 'Backoffice Nachnamen A–K', queuePrefix: 'B', routingRule: { kind: 'surname', from: 'A', to: 'K' } },
  { slug: 'back-office-l-z', name: 'Backoffice Nachnamen L–Z', queuePrefix: 'C', routingRule: { kind: 'surname', from: 'L', to: 'Z' } },
  { slug: 'ukraine', name: 'Ukraine-Team (§ 24 AufenthG)', queuePrefix: 'U', routingRule: { kind: 'nationality', countries: ['UA'] } },
];

type DemoClerk = {
  name: string;
  location: 'wetzlar' | 'dillenburg';
  specialties: string[];
  hours: Hours[];
  /** Dated exceptions next week (1 = Monday). */
  overrides?: { dayOfNextWeek: number; starts: string; ends: string }[];
  absences?: { fromDayOfNextWeek: number; fromTime: string; toDayOfNextWeek: number; toTime: string; reason: 'absence' | 'blocked'; note: string }[];
};

export const demoClerks: DemoClerk[] = [
  { name: 'Anja Becker', location: 'wetzlar', specialties: ['front-office'], hours: [...days([1, 2, 3, 4], '07:00', '15:30'), ...days([5], '07:00', '12:30')] },
  { name: 'Murat Yılmaz', location: 'wetzlar', specialties: ['front-office'], hours: [...days([1, 2, 4], '08:00', '16:30'), ...days([3], '07:00', '12:00')] },
  { name: 'Katarina Nowak', location: 'wetzlar', specialties: ['front-office', 'ukraine'], hours: days([1, 2, 3, 4], '09:30', '18:00') },
  {
    name: 'Jonas Hofmann',
    location: 'wetzlar',
    specialties: ['back-office-a-k'],
    hours: days([1, 2, 3, 4, 5], '07:30', '16:00'),
    overrides: [{ dayOfNextWeek: 4, starts: '07:00', ends: '18:00' }],
  },
  {
    name: 'Leonie Schäfer',
    location: 'wetzlar',
    specialties: ['back-office-a-k'],
    hours: days([1, 2, 3], '07:00', '12:30'),
    absences: [{ fromDayOfNextWeek: 1, fromTime: '00:00', toDayOfNextWeek: 6, toTime: '00:00', reason: 'absence', note: 'Urlaub' }],
  },
  {
    name: 'Samir Haddad',
    location: 'wetzlar',
    specialties: ['back-office-l-z'],
    hours: [...days([1, 2, 3, 4], '08:00', '17:00'), ...days([5], '08:00', '13:00')],
    absences: [{ fromDayOfNextWeek: 3, fromTime: '13:00', toDayOfNextWeek: 3, toTime: '17:00', reason: 'blocked', note: 'Teambesprechung' }],
  },
  { name: 'Petra Wagner', location: 'wetzlar', specialties: ['back-office-l-z'], hours: days([2, 3, 4, 5], '10:00', '18:00') },
  { name: 'Oksana Melnyk', location: 'wetzlar', specialties: ['ukraine'], hours: days([1, 2, 3, 4, 5], '07:00', '14:00') },
  {
    name: 'Thomas Krüger',
    location: 'dillenburg',
    specialties: ['front-office'],
    hours: days([1, 2, 3, 4, 5], '07:30', '15:00'),
    absences: [{ fromDayOfNextWeek: 2, fromTime: '00:00', toDayOfNextWeek: 3, toTime: '00:00', reason: 'absence', note: 'Fortbildung' }],
  },
  { name: 'Elif Demir', location: 'dillenburg', specialties: ['front-office', 'ukraine'], hours: days([1, 2, 4], '08:00', '17:30') },
  { name: 'Markus Weber', location: 'dillenburg', specialties: ['back-office-a-k', 'back-office-l-z'], hours: days([1, 2, 3, 4], '07:00', '15:30') },
  {
    name: 'Nadia Rahimi',
    location: 'dillenburg',
    specialties: ['back-office-a-k', 'back-office-l-z', 'ukraine'],
    hours: days([3, 4, 5], '09:00', '18:00'),
  },
];

/** Invented people for the demo appointments. */
export const demoPeople = [
  { name: 'Olena Kovalenko', dateOfBirth: '1987-03-14', email: 'olena.kovalenko@example.org', language: 'uk' },
  { name: 'Ahmad Karimi', dateOfBirth: '1992-11-02', email: 'ahmad.karimi@example.org', language: 'fa' },
  { name: 'Fatma Şahin', dateOfBirth: '1979-06-21', email: 'fatma.sahin@example.org', language: 'tr' },
  { name: 'Yousef Al-Masri', dateOfBirth: '1995-01-30', email: 'yousef.almasri@example.org', language: 'ar' },
  { name: 'Aminata Diallo', dateOfBirth: '1990-09-09', email: 'aminata.diallo@example.org', language: 'fr' },
  { name: 'Dmitri Sokolov', dateOfBirth: '1984-12-05', email: 'dmitri.sokolov@example.org', language: 'ru' },
  { name: 'Priya Raman', dateOfBirth: '1993-04-18', email: 'priya.raman@example.org', language: 'en' },
  { name: 'Iryna Bondarenko', dateOfBirth: '2001-07-27', email: 'iryna.bondarenko@example.org', language: 'uk' },
  { name: 'Mehmet Aydın', dateOfBirth: '1975-02-11', email: 'mehmet.aydin@example.org', language: 'tr' },
  { name: 'Leila Hosseini', dateOfBirth: '1998-10-03', email: 'leila.hosseini@example.org', language: 'fa' },
  { name: 'Omar Haddad', dateOfBirth: '1989-08-16', email: 'omar.haddad@example.org', language: 'ar' },
  { name: 'Maria Petrova', dateOfBirth: '1982-05-22', email: 'maria.petrova@example.org', language: 'ru' },
  { name: 'Jean-Baptiste Mbeki', dateOfBirth: '1991-03-08', email: 'jb.mbeki@example.org', language: 'fr' },
  { name: 'Andrii Shevchenko', dateOfBirth: '1986-12-29', email: 'andrii.shevchenko@example.org', language: 'uk' },
  { name: 'Sofia Rossi', dateOfBirth: '1996-06-01', email: 'sofia.rossi@example.org', language: 'en' },
  { name: 'Hasan Çelik', dateOfBirth: '1970-09-19', email: 'hasan.celik@example.org', language: 'tr' },
  { name: 'Nour Khalil', dateOfBirth: '2000-02-14', email: 'nour.khalil@example.org', language: 'ar' },
  { name: 'Tetiana Moroz', dateOfBirth: '1994-11-11', email: 'tetiana.moroz@example.org', language: 'uk' },
  { name: 'Reza Ahmadi', dateOfBirth: '1988-04-04', email: 'reza.ahmadi@example.org', language: 'fa' },
  { name: 'Claire Dubois', dateOfBirth: '1983-07-07', email: 'claire.dubois@example.org', language: 'fr' },
  { name: 'Ivan Petrenko', dateOfBirth: '1977-01-25', email: 'ivan.petrenko@example.org', language: 'uk' },
  { name: 'Ayşe Kaya', dateOfBirth: '1999-12-12', email: 'ayse.kaya@example.org', language: 'tr' },
  { name: 'Samuel Okafor', dateOfBirth: '1990-05-05', email: 'samuel.okafor@example.org', language: 'en' },
  { name: 'Zahra Mohammadi', dateOfBirth: '1997-08-30', email: 'zahra.mohammadi@example.org', language: 'fa' },
  { name: 'Hanna Schmidt', dateOfBirth: '1985-10-10', email: 'hanna.schmidt@example.org', language: 'de' },
];
