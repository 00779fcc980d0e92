import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CheckboxGroup, staffT } from '../../staff/index.ts';

type Service = {
  id: string;
  slug: string;
  duration_minutes: number;
  slot_minutes: number;
  fee_cents: number | null;
  online_bookable: boolean;
  walk_in_allowed: boolean;
  walk_in_daily_quota: number | null;
  min_lead_minutes: number;
  max_days_ahead: number;
  same_day_release: string | null;
  same_day_lottery_minutes: number | null;
  lottery_hold_minutes: number;
  required_resource_kind: string | null;
  active: boolean;
};

/** The settings of a service: durations, fee, booking window, walk-in, and where and by whom it is offered. */
export function SettingsFields(props: {
  c: Context<AppEnv>;
  service?: Service;
  specialties: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  specialtyIds?: string[];
  locationIds?: string[];
}) {
  const t = staffT(props.c);
  const s = props.service;
  const fee = s?.fee_cents === null || s?.fee_cents === undefined ? '' : (s.fee_cents / 100).toFixed(2).replace('.', ',');
  return (
    <>
      <div>
        <label for="slug">{t('staff.services.slug')}</label>
        <input type="text" id="slug" name="slug" required maxlength={63} pattern="[a-z0-9][a-z0-9\-]{0,62}" value={s?.slug ?? ''} />
      </div>
      <div>
        <label for="duration">{t('staff.services.duration')}</label>
        <input type="number" id="duration" name="durationMinutes" min={5} max={480} required value={String(s?.duration_minutes ?? 30)} />
      </div>
      <div>
        <label for="slot">{t('staff.services.slot')}</label>
        <input type="number" id="slot" name="slotMinutes" min={5} max={240} required value={String(s?.slot_minutes ?? 15)} />
      </div>
      <div>
        <label for="fee">{t('staff.services.fee')}</label>
        <input type="text" id="fee" name="fee" inputmode="decimal" maxlength={12} value={fee} />
      </div>
      <div>
        <label for="lead">{t('staff.services.min_lead')}</label>
        <input type="number" id="lead" name="minLeadMinutes" min={0} required value={String(s?.min_lead_minutes ?? 0)} />
      </div>
      <div>
        <label for="window">{t('staff.services.booking_window')}</label>
        <input type="number" id="window" name="maxDaysAhead" min={0} max={366} required value={String(s?.max_days_ahead ?? 60)} />
      </div>
      <div>
        <label for="release">{t('staff.services.same_day_release')}</label>
        <input type="time" id="release" name="sameDayRelease" value={s?.same_day_release?.slice(0, 5) ?? ''} />
      </div>
      <fieldset>
        <legend>{t('staff.services.lottery')}</legend>
        <p class="hint" id="lottery-hint">
          {t('staff.services.lottery.hint')}
        </p>
        <div>
          <label for="lottery">{t('staff.services.lottery_minutes')}</label>
          <OptionalNumber id="lottery" name="sameDayLotteryMinutes" min={5} max={240} describedBy="lottery-hint" value={s?.same_day_lottery_minutes} />
        </div>
        <div>
          <label for="hold">{t('staff.services.lottery_hold')}</label>
          <input type="number" id="hold" name="lotteryHoldMinutes" min={10} max={720} required value={String(s?.lottery_hold_minutes ?? 60)} />
        </div>
      </fieldset>
      <div>
        <label for="resource">{t('staff.services.required_resource')}</label>
        <input type="text" id="resource" name="requiredResourceKind" maxlength={63} value={s?.required_resource_kind ?? ''} />
      </div>
      <div>
        <label class="check">
          <input type="checkbox" name="onlineBookable" checked={s?.online_bookable ?? true} /> {t('staff.services.online_bookable')}
        </label>
        <label class="check">
          <input type="checkbox" name="walkInAllowed" checked={s?.walk_in_allowed ?? false} /> {t('staff.services.walk_in')}
        </label>
        <label class="check">
          <input type="checkbox" name="active" checked={s?.active ?? true} /> {t('staff.active')}
        </label>
      </div>
      <div>
        <label for="quota">{t('staff.services.walk_in_quota')}</label>
        <OptionalNumber id="quota" name="walkInDailyQuota" min={0} value={s?.walk_in_daily_quota} />
      </div>
      <CheckboxGroup legend={t('staff.nav.specialties')} name="specialtyIds" options={props.specialties} checked={props.specialtyIds} />
      <CheckboxGroup legend={t('staff.nav.locations')} name="locationIds" options={props.locations} checked={props.locationIds} />
    </>
  );
}

/** A number that may be left empty (no quota, no lottery). */
function OptionalNumber(props: { id: string; name: string; min: number; max?: number; describedBy?: string; value: number | null | undefined }) {
  return (
    <input
      type="number"
      id={props.id}
      name={props.name}
      min={props.min}
      max={props.max}
      aria-describedby={props.describedBy}
      value={props.value === null || props.value === undefined ? '' : String(props.value)}
    />
  );
}
