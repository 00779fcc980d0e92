import { isLanguage, type Lang } from '../../web/i18n.ts';

/** A printed notice has room for four columns on A4 landscape. */
export const noticeLanguagesMax = 4;

/** `?langs=de,ar,uk` or `?langs=de&langs=ar`: known tags, each once, at most four; undefined when that is not what was asked. */
export function noticeLanguages(asked: string[], pageLang: Lang): Lang[] | undefined {
  const tags = [...new Set(asked.flatMap((value) => value.split(',')).map((tag) => tag.trim()))].filter(Boolean);
  if (tags.length === 0) return [pageLang];
  if (tags.length > noticeLanguagesMax || !tags.every((tag) => isLanguage(tag))) return undefined;
  return tags;
}
