import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { translate } from '../../../web/i18n.ts';
import { CheckboxGroup, ErrorList, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import { documentKinds } from '../document-requests.ts';
import type { ProcedureForEvents } from '../procedure-events-store.ts';

/** German with English for staff who chose it (as the case file's pages). */
const say = (c: Context<AppEnv>) => (de: string, en: string) => (staffLang(c) === 'en' ? en : de);

/** The citizen's side of a procedure for the clerk: documents asked for and received, the eAT's way. */
export function ProcedureEventsPage(props: { c: Context<AppEnv>; procedure: ProcedureForEvents; errors?: string[] }) {
  const { c, procedure: p } = props;
  const s = say(c);
  const base = `/staff/procedures/${p.id}/citizen`;
  // The document kinds as the citizen reads them, in German for the clerk.
  const kindName = (kind: string) => translate('de', `status.doc.${kind}`);
  return (
    <StaffLayout c={c} title={s('Nachforderungen und eAT', 'Requested documents and eAT')}>
      <p>
        <a href={`/staff/files/${p.file_id}#procedure-${p.id}`}>{s('Zurück zur Akte', 'Back to the file')}</a>
      </p>
      <h1>
        {s('Nachforderungen und eAT', 'Requested documents and eAT')} · <span class="ltr">{p.number}</span>
      </h1>
      <ErrorList messages={props.errors ?? []} />
      <dl class="facts">
        <dt>{s('Status', 'Status')}</dt>
        <dd>{p.label ?? p.code}</dd>
        <dt>{s('eAT-Seriennummer', 'eAT serial')}</dt>
        <dd class="ltr">{p.card_serial ?? '—'}</dd>
      </dl>
      <section aria-labelledby="open-h">
        <h2 id="open-h">{s('Fehlende Unterlagen', 'Missing documents')}</h2>
        {p.open.length === 0 ? (
          <p>{s('Keine offenen Nachforderungen.', 'Nothing asked for.')}</p>
        ) : (
          <StaffForm c={c} action={`${base}/received`} submitLabel={s('Als eingegangen vermerken', 'Mark as received')}>
            <CheckboxGroup
              legend={s('Eingegangen', 'Received')}
              name="requestIds"
              options={p.open.map((r) => ({ id: r.id, name: r.note ? `${kindName(r.kind)}: ${r.note}` : kindName(r.kind) }))}
              checked={undefined}
            />
          </StaffForm>
        )}
        <h3>{s('Unterlagen nachfordern', 'Ask for documents')}</h3>
        <StaffForm c={c} action={`${base}/request`} submitLabel={s('Nachfordern', 'Ask for them')}>
          <CheckboxGroup
            legend={s('Unterlagen (die Person liest sie in ihrer Sprache)', 'Documents (the person reads them in their language)')}
            name="kinds"
            options={documentKinds.map((kind) => ({ id: kind, name: kindName(kind) }))}
            checked={undefined}
          />
          <div>
            <label for="note">{s('Hinweis (deutsch, Pflicht bei „Weiteres Dokument“)', 'Note (German; required for "other")')}</label>
            <input type="text" id="note" name="note" maxlength={300} />
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="card-h">
        <h2 id="card-h">{s('Elektronischer Aufenthaltstitel (eAT)', 'Electronic residence card (eAT)')}</h2>
        <StaffForm c={c} action={`${base}/card`} submitLabel={s('eAT bestellt', 'eAT ordered')}>
          <input type="hidden" name="event" value="ordered" />
          <div>
            <label for="cardSerial">{s('Seriennummer der Karte', 'Card serial number')}</label>
            <input type="text" id="cardSerial" name="cardSerial" maxlength={12} required autocomplete="off" value={p.card_serial ?? ''} />
          </div>
        </StaffForm>
        <StaffForm c={c} action={`${base}/card`} submitLabel={s('eAT ist da: abholbereit', 'eAT arrived: ready for pick-up')}>
          <input type="hidden" name="event" value="ready" />
        </StaffForm>
        <StaffForm c={c} action={`${base}/card`} submitLabel={s('eAT abgeholt', 'eAT collected')}>
          <input type="hidden" name="event" value="collected" />
        </StaffForm>
      </section>
    </StaffLayout>
  );
}
