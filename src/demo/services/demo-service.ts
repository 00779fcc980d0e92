/** The shape of one demo service and its texts per portal language. */
export type ServiceTexts = { name: string; description: string; audience: string; requiredDocuments: string[]; feeNote: string };
export type DemoLang = 'de' | 'en' | 'uk' | 'ru' | 'ar' | 'fa' | 'tr' | 'fr';

export type DemoService = {
  slug: string;
  durationMinutes: number;
  slotMinutes: number;
  feeCents: number | null;
  onlineBookable: boolean;
  walkInAllowed: boolean;
  walkInDailyQuota: number | null;
  minLeadMinutes: number;
  maxDaysAhead: number;
  sameDayRelease: string | null;
  requiredResourceKind: string | null;
  specialties: string[];
  locations: string[];
  texts: Record<DemoLang, ServiceTexts>;
};
