import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { staffLang } from '../../staff/index.ts';

/**
 * The case file's staff pages are German, with English for staff who chose it: each text is
 * written in both, side by side, where it is used (no portal language needs them).
 */
export function say(c: Context<AppEnv>): (de: string, en: string) => string {
  const english = staffLang(c) === 'en';
  return (de, en) => (english ? en : de);
}
