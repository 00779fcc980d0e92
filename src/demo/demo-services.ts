import { aufenthaltstitelVerlaengerung } from './services/aufenthaltstitel-verlaengerung.ts';
import { eatUebertrag } from './services/eat-uebertrag.ts';
import { voruebergehenderSchutz24 } from './services/voruebergehender-schutz-24.ts';
import { verpflichtungserklaerung } from './services/verpflichtungserklaerung.ts';
import { niederlassungserlaubnis } from './services/niederlassungserlaubnis.ts';
import { biometrieErfassung } from './services/biometrie-erfassung.ts';
import { eatAbholung } from './services/eat-abholung.ts';
import { allgemeineBeratung } from './services/allgemeine-beratung.ts';
import { fiktionsbescheinigung } from './services/fiktionsbescheinigung.ts';

/**
 * The demo office's services with their texts in every portal language. Translated names carry
 * no German term in brackets: the portal and the mails show the German name beside them. Fees in cents after
 * AufenthV §§ 44 ff. (approximate, as of 2026).
 */
export type { DemoService, ServiceTexts } from './services/demo-service.ts';
import type { DemoService, ServiceTexts } from './services/demo-service.ts';
import { ps } from './services/translations/ps.ts';
import { prs } from './services/translations/prs.ts';
import { kmr } from './services/translations/kmr.ts';
import { ti } from './services/translations/ti.ts';
import { so } from './services/translations/so.ts';

// Languages added later keep their texts in one file each (by service slug), so no service file
// grows past its languages and parallel translations do not touch the same file.
const translations: Record<string, Record<string, ServiceTexts>> = { ps, prs, kmr, ti, so };

const withTranslations = (service: DemoService): DemoService => {
  const texts = { ...service.texts };
  for (const [lang, bySlug] of Object.entries(translations)) {
    const text = bySlug[service.slug];
    if (text) texts[lang] = text;
  }
  return { ...service, texts };
};

export const demoServices: DemoService[] = [
  aufenthaltstitelVerlaengerung,
  eatUebertrag,
  voruebergehenderSchutz24,
  verpflichtungserklaerung,
  niederlassungserlaubnis,
  biometrieErfassung,
  eatAbholung,
  allgemeineBeratung,
  fiktionsbescheinigung,
].map(withTranslations);
