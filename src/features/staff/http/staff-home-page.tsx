import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { HomeCard, HomeCardSource } from '../home-cards.ts';
import type { StaffActor } from '../roles.ts';
import { CsrfField } from './staff-auth.tsx';
import { StaffLayout, staffLang, staffT } from './staff-layout.tsx';

/** Every domain's cards for this staff member, in the order app.tsx lists the domains. */
export async function homeCardsFor(c: Context<AppEnv>, actor: StaffActor, sources: readonly HomeCardSource[]): Promise<HomeCard[]> {
  const viewer = { actor, lang: staffLang(c), t: staffT(c) };
  return (await Promise.all(sources.map((source) => source(viewer)))).flat();
}

/** The start page: who is signed in, what waits for them (cards), sign-out everywhere. */
export function StaffHomePage(props: { c: Context<AppEnv>; actor: StaffActor; cards: HomeCard[] }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.home.title')}>
      <h1>{t('staff.home.title')}</h1>
      <p>{t('staff.home.welcome', { name: props.actor.displayName, role: t(`staff.role.${props.actor.role}`) })}</p>
      {props.cards.length ? (
        <div class="home-cards">
          {props.cards.map((card) => (
            <section class="home-card" aria-labelledby={`card-${card.key}`} data-card={card.key}>
              <h2 id={`card-${card.key}`}>{card.title}</h2>
              <p class="home-card-count">{card.countText}</p>
              {card.list?.entries.length ? (
                <>
                  <h3>{card.list.heading}</h3>
                  <ul>
                    {card.list.entries.map((entry) => (
                      <li>{entry}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p>
                <a href={card.link.href}>{card.link.label}</a>
              </p>
            </section>
          ))}
        </div>
      ) : null}
      <form method="post" action="/staff/sign-out-everywhere">
        <CsrfField c={props.c} />
        <button type="submit" class="button">
          {t('staff.home.sign_out_everywhere')}
        </button>
      </form>
    </StaffLayout>
  );
}
