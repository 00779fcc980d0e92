import { textDirection, translate } from '../../web/i18n.ts';
import type { CallFacts } from './display-events.ts';

/** A call as the display shows it: the number and counter, said in German and in the visitor's language. */
export type DisplayCall = CallFacts & { texts: { lang: string; dir: 'ltr' | 'rtl'; text: string }[] };

export function displayCall(call: CallFacts): DisplayCall {
  // Calls stored before the texts moved here carry their own.
  if (call.language === undefined && call.texts) return { ...call, texts: call.texts };
  const language = call.language ?? 'de';
  const langs = language === 'de' ? ['de'] : ['de', language];
  return {
    ...call,
    texts: langs.map((lang) => ({ lang, dir: textDirection(lang), text: translate(lang, 'display.call', { number: call.number, counter: call.counter }) })),
  };
}
