/**
 * Text a person typed (their name) goes into the office's mails as plain text. Mail clients turn
 * anything that looks like a web or mail address into a link, in the text part and in HTML, so
 * a "name" like `Visit evil.example` would become a link sent by the office. A ZERO WIDTH SPACE
 * (U+200B) before each dot, colon, slash and at sign breaks every such pattern (`evil\u200B.example`
 * is no domain, `https\u200B://` no scheme) and is invisible where the name is read. A word
 * joiner (U+2060) would keep the pieces together as one word, which some linkifiers accept.
 */
export function unlinkable(text: string): string {
  return text.replace(/[.:/@\uFF0E\u3002\uFF61\uFF1A\uFF0F\uFF20]/g, '\u200B$&');
}
