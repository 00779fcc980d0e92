import type { ServiceSettings } from '../../features/office/index.ts';

/** The shape of one demo service and its texts per portal language. */
export type ServiceTexts = { name: string; description: string; audience: string; requiredDocuments: string[]; feeNote: string };
export type DemoLang = 'de' | 'en' | 'uk' | 'ru' | 'ar' | 'fa' | 'tr' | 'fr';

/** A service's settings as an administrator saves them, with specialties and locations by short name. */
export type DemoService = Omit<ServiceSettings, 'fee' | 'active' | 'specialtyIds' | 'locationIds'> & {
  feeCents: number | null;
  specialties: string[];
  locations: string[];
  texts: Record<DemoLang, ServiceTexts>;
};
