import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { translate } from '../../../web/i18n.ts';
import { CheckboxGroup, ErrorList, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import { documentKinds } from '../document-requests.ts';
import type { ProcedureForEvents } from '../procedure-events-store.ts';

/** The citizen's side of a procedure for the clerk: documents asked for and received, the eAT's way. */
export function ProcedureEventsPage(props: { c: Context<AppEnv>; procedure: ProcedureForEvents; errors?: string[] }) {
  const { c, procedure: p } = props;
  const t = staffT(c);
  const base = `/staff/procedures/${p.id}/citizen`;
  // The document kinds as the citizen reads them, in German for the clerk.
  const kindName = (kind: string) => translate('de', `status.doc.${kind}`);
  return (
    <StaffLayout c={c} title={t('staff.status_lookup.events.title')}>
      <p>
        <a href={`/staff/files/${p.file_id}#procedure-${p.id}`}>{t('staff.status_lookup.events.back_to_the_file')}</a>
      </p>
      <h1>
        {t('staff.status_lookup.events.title')} · <span class="ltr">{p.number}</span>
      </h1>
      <ErrorList messages={props.errors ?? []} />
      <dl class="facts">
        <dt>{t('staff.status_lookup.common.status')}</dt>
        <dd>{p.label ?? p.code}</dd>
        <dt>{t('staff.status_lookup.events.eat_serial')}</dt>
        <dd class="ltr">{p.card_serial ?? '—'}</dd>
      </dl>
      <section aria-labelledby="open-h">
        <h2 id="open-h">{t('staff.status_lookup.events.missing_documents')}</h2>
        {p.open.length === 0 ? (
          <p>{t('staff.status_lookup.events.nothing_asked_for')}</p>
        ) : (
          <StaffForm c={c} action={`${base}/received`} submitLabel={t('staff.status_lookup.events.mark_as_received')}>
            <CheckboxGroup
              legend={t('staff.status_lookup.events.received')}
              name="requestIds"
              options={p.open.map((r) => ({ id: r.id, name: r.note ? `${kindName(r.kind)}: ${r.note}` : kindName(r.kind) }))}
              checked={undefined}
            />
          </StaffForm>
        )}
        <h3>{t('staff.status_lookup.events.ask_for_documents')}</h3>
        <StaffForm c={c} action={`${base}/request`} submitLabel={t('staff.status_lookup.events.ask_for_them')}>
          <CheckboxGroup
            legend={t('staff.status_lookup.events.documents')}
            name="kinds"
            options={documentKinds.map((kind) => ({ id: kind, name: kindName(kind) }))}
            checked={undefined}
          />
          <div>
            <label for="note">{t('staff.status_lookup.events.request_note')}</label>
            <input type="text" id="note" name="note" maxlength={300} />
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="card-h">
        <h2 id="card-h">{t('staff.status_lookup.events.eat')}</h2>
        <StaffForm c={c} action={`${base}/card`} submitLabel={t('staff.status_lookup.events.eat_ordered')}>
          <input type="hidden" name="event" value="ordered" />
          <div>
            <label for="cardSerial">{t('staff.status_lookup.events.card_serial_number')}</label>
            <input type="text" id="cardSerial" name="cardSerial" maxlength={12} required autocomplete="off" value={p.card_serial ?? ''} />
          </div>
        </StaffForm>
        <StaffForm c={c} action={`${base}/card`} submitLabel={t('staff.status_lookup.events.eat_ready')}>
          <input type="hidden" name="event" value="ready" />
        </StaffForm>
        <StaffForm c={c} action={`${base}/card`} submitLabel={t('staff.status_lookup.events.eat_collected')}>
          <input type="hidden" name="event" value="collected" />
        </StaffForm>
      </section>
    </StaffLayout>
  );
}
