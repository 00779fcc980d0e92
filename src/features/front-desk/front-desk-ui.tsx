import type { Child } from 'hono/jsx';
import { assetUrl } from '../../web/assets.ts';
import { HtmlDocument } from '../../web/html-document.tsx';
import { translate, type Lang } from '../../web/i18n.ts';
import type { QueueSummary } from './queue-overview.ts';
import { type StaffScreenLang, waitedLabel } from './staff-format.ts';

export { birthDateLabel, dayLabel, durationLabel, languageLabel, statusLabel, type StaffScreenLang } from './staff-format.ts';

/**
 * The front desk's shared UI: the full-screen frame of kiosk and call display, and the pieces
 * the staff screens (desk, reception, figures) have in common. Staff texts follow the staff
 * member's language (German, or English on request).
 */

/** Full-screen frame for the kiosk and the call display: no site header, big type. */
export function ScreenLayout(props: { lang: Lang; title: string; bodyClass: string; children: Child; script?: string; data?: Record<string, string> }) {
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
  return (
    <HtmlDocument
      lang={props.lang}
      title={`${props.title} · ${translate(props.lang, 'app.name')}`}
      head={
        <>
          <link rel="stylesheet" href={assetUrl('base.css')} />
          <link rel="stylesheet" href={assetUrl('front-desk.css')} />
          {props.script ? <script src={assetUrl(props.script)} defer></script> : null}
        </>
      }
    >
      <body class={props.bodyClass} {...data}>
        {props.children}
      </body>
    </HtmlDocument>
  );
}

/** Styles and the live-update script of the staff screens, for StaffLayout's head. */
export function FrontDeskHead() {
  return (
    <>
      <link rel="stylesheet" href={assetUrl('front-desk.css')} />
      <script src={assetUrl('staff-live.js')} defer></script>
    </>
  );
}

/** The session's CSRF token, required by the staff feature on every state-changing form. */
export function Csrf(props: { token: string }) {
  return props.token ? <input type="hidden" name="_csrf" value={props.token} /> : null;
}

export type ScreenNotice = { kind: 'error' | 'ok'; text: string; link?: { href: string; text: string } | undefined };

/** The answer to the last action, read out by screen readers (an error as an alert). */
export function Notice(props: { notice: ScreenNotice | undefined }) {
  const notice = props.notice;
  if (!notice) return null;
  return (
    <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      {notice.link ? (
        <>
          {' '}
          <a href={notice.link.href}>{notice.link.text}</a>
        </>
      ) : null}
    </p>
  );
}

/** Who waits in which queue, without names (desk and reception). */
export function QueueTable(props: { lang: StaffScreenLang; queues: QueueSummary[] }) {
  const { lang } = props;
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  if (props.queues.every((q) => q.waiting.length === 0)) return <p class="muted">{t('staff.frontdesk.queue.empty')}</p>;
  return (
    <>
      {props.queues.map((queue) => (
        <table class="queue">
          <caption>
            {t('staff.frontdesk.queue.caption', {
              name: queue.name,
              prefix: queue.prefix,
              count: queue.waiting.length,
              longest: waitedLabel(lang, queue.longestWaitMinutes),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.frontdesk.queue.number')}</th>
              <th scope="col">{t('staff.frontdesk.queue.waited')}</th>
              <th scope="col">{t('staff.frontdesk.queue.kind')}</th>
              <th scope="col">{t('staff.frontdesk.concern')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.waiting.map((w) => (
              <tr>
                <td class="ltr">
                  {w.number}
                  {w.priority ? ' ★' : ''}
                </td>
                <td>{waitedLabel(lang, w.waitingMinutes)}</td>
                <td>
                  {w.withAppointment ? t('staff.frontdesk.queue.appointment') : t('staff.frontdesk.queue.walk_in')}
                  {w.priority ? ` · ${t('staff.frontdesk.queue.priority', { reason: priorityReasonLabel(lang, w.priorityReason ?? 'other') })}` : ''}
                </td>
                <td>{w.serviceName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

export const priorityReasons = ['disability', 'pregnancy', 'children', 'other'] as const;

export function priorityReasonLabel(lang: StaffScreenLang, reason: string): string {
  return (priorityReasons as readonly string[]).includes(reason) ? translate(lang, `staff.frontdesk.priority.${reason}`) : reason;
}

/** A plain GET form (works without JavaScript) for staff who work at more than one location. */
export function LocationSwitch(props: { lang: StaffScreenLang; action: string; choices: { id: string; name: string }[]; current: string }) {
  if (props.choices.length < 2) return null;
  return (
    <form method="get" action={props.action} class="inline location-switch" data-testid="location-switch">
      <label for="location-switch">{translate(props.lang, 'staff.frontdesk.location')}</label>
      <select id="location-switch" name="location">
        {props.choices.map((choice) => (
          <option value={choice.id} selected={choice.id === props.current}>
            {choice.name}
          </option>
        ))}
      </select>
      <button class="button secondary" type="submit">
        {translate(props.lang, 'staff.frontdesk.location.switch')}
      </button>
    </form>
  );
}
