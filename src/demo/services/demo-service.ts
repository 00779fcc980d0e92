import type { ServiceSettings } from '../../features/office/index.ts';

/** The shape of one demo service and its texts per portal language. */
export type ServiceTexts = { name: string; description: string; audience: string; requiredDocuments: string[]; feeNote: string };
/** German is the source every translation is made from; the other languages are keyed by their tag. */
export type DemoTexts = { de: ServiceTexts } & { [lang: string]: ServiceTexts };

/** A service's settings as an administrator saves them, with specialties and locations by short name. */
export type DemoService = Omit<ServiceSettings, 'fee' | 'active' | 'specialtyIds' | 'locationIds'> & {
  feeCents: number | null;
  specialties: string[];
  locations: string[];
  texts: DemoTexts;
};
