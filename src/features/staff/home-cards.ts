import type { StaffActor } from './roles.ts';

/**
 * What waits for a staff member, shown as cards on the start page (/staff). The staff shell knows
 * no domain: each domain offers its cards through its index.ts, and src/app.tsx hands them in
 * (`StaffHttpDeps.homeCards`). A card holds counts, times and service names, never a person.
 */
export type HomeCard = {
  /** Stable and unique on the page (the element's id is built from it), e.g. "messages". */
  key: string;
  title: string;
  /** The count as a sentence, e.g. "3 unbeantwortete Nachrichten". */
  countText: string;
  /** A short list below the count (times and services, no names), with its heading. */
  list?: { heading: string; entries: string[] } | undefined;
  link: { href: string; label: string };
};

/** Who looks at the start page, and the staff texts in their language (German or English). */
export type HomeViewer = {
  actor: StaffActor;
  lang: 'de' | 'en';
  t: (key: string, values?: Record<string, string | number | Date>) => string;
};

/** One domain's cards for this viewer; none when the viewer's role may not read what they count. */
export type HomeCardSource = (viewer: HomeViewer) => Promise<HomeCard[]>;
