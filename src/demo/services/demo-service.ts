/** The shape of one demo service and its texts per portal language. */
export type ServiceTexts = { name: string; description: string; audience: string; requiredDocuments: string[]; feeNote: string };
/** German is the source every translation is made from; the other languages are keyed by their tag. */
export type DemoTexts = { de: ServiceTexts } & { [lang: string]: ServiceTexts };

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
  texts: DemoTexts;
};
