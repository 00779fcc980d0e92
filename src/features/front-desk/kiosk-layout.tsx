import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { assetUrl } from '../../web/assets.ts';
import { textDirection, translate, type Lang } from '../../web/i18n.ts';

/** Full-screen frame for the kiosk and the call display: no site header, big type. */
export function ScreenLayout(props: { lang: Lang; title: string; bodyClass: string; children: Child; script?: string; data?: Record<string, string> }) {
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang} dir={textDirection(props.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · ${translate(props.lang, 'app.name')}`}</title>
          <link rel="stylesheet" href={assetUrl('base.css')} />
          <link rel="stylesheet" href={assetUrl('front-desk.css')} />
          {props.script ? <script src={assetUrl(props.script)} defer></script> : null}
        </head>
        <body class={props.bodyClass} {...data}>
          {props.children}
        </body>
      </html>
    </>
  );
}
