import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { textDirection, type Lang } from './i18n.ts';

/** Standards mode, language and direction, and the head every page starts with; `head` adds to it, `children` is the body. */
export function HtmlDocument(props: { lang: Lang; title: string; head?: Child; children: Child }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang} dir={textDirection(props.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          {props.head}
        </head>
        {props.children}
      </html>
    </>
  );
}
