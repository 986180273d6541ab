import { openHousingNote } from '../../app/defense/housing';
import { phoneToCall } from '../../app/defense/roster';
import type { OpenCircle } from '../../app/open-circle';
import { isoOfDay } from '../../domain/housing';
import type { HostMatch, HousingRequestState, StayState } from '../../domain/housing';
import type { RosterState } from '../../domain/roster';
import type { Translator } from '../../i18n/i18n';
import { useT } from '../shell/context';
import { CloseButtons, EndStayForm, StayForm } from './HousingForms';

interface RequestCardProps {
  readonly circle: OpenCircle;
  readonly request: HousingRequestState;
  readonly stays: readonly StayState[];
  readonly matches: readonly HostMatch[];
  readonly roster: RosterState;
  readonly nameOf: (key: string) => string;
  /** Notes and numbers open only on an unlocked phone. */
  readonly unlocked: boolean;
}

/** A calendar day in the member's words: the date a date field showed, whatever the phone's time zone. */
function dayLabel(day: number, translator: Translator): string {
  const [year = 1970, month = 1, date = 1] = isoOfDay(day).split('-').map(Number);
  return translator.date(new Date(year, month - 1, date).getTime());
}

/** One request: what is needed, the note (unlocked only), who can host, the stays, and what this member can do. */
export function HousingRequestCard({ circle, request, stays, matches, roster, nameOf, unlocked }: RequestCardProps) {
  const translator = useT();
  const { t, plural } = translator;
  const me = circle.membership.memberKey;
  const mine = request.requester === me;
  const requester = mine ? t('defense.you', { name: nameOf(me) }) : nameOf(request.requester);
  const headingId = `housing-${request.id.slice(0, 10)}`;
  const note = unlocked ? openHousingNote(circle, request) : null;
  return (
    <article class="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(request.neighbour ? 'housing.asksForNeighbour' : 'housing.asks', { name: requester })}</h3>
      <p>
        {t('housing.needs', {
          people: plural('housing.peopleCount', request.people),
          nights: plural('housing.nightCount', request.nights),
          date: dayLabel(request.from, translator),
        })}{' '}
        {request.accessible && t('housing.needsAccessible')} <strong>{t(`housing.status.${request.status}`)}</strong>
      </p>
      {request.sealedNote !== null &&
        (note === null ? (
          <p class="muted">{t('housing.noteLocked')}</p>
        ) : note.ok ? (
          <p class="alert-message">{note.value}</p>
        ) : (
          <p class="muted">{t('housing.noteUnreadable')}</p>
        ))}
      {request.status === 'open' && (
        <section aria-labelledby={`${headingId}-hosts`}>
          <h4 id={`${headingId}-hosts`}>{t('housing.matchesTitle')}</h4>
          {matches.length === 0 ? (
            <p>{t('housing.matchesNone')}</p>
          ) : (
            <>
              <p class="muted">{t('housing.matchesLead')}</p>
              <ul class="list">
                {matches.map((match) => (
                  <li key={match.host}>
                    <HostRow circle={circle} match={match} roster={roster} name={nameOf(match.host)} unlocked={unlocked} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {stays.length > 0 && (
        <ul class="list">
          {stays.map((stay) => (
            <li key={stay.id}>
              <p>
                {t('housing.stay', {
                  name: nameOf(stay.host),
                  people: plural('housing.peopleCount', stay.people),
                  nights: plural('housing.nightCount', stay.nights),
                  date: dayLabel(stay.from, translator),
                })}
                {stay.end !== null && ` ${t('housing.stayEnded', { date: dayLabel(stay.end.day, translator) })}`}
              </p>
              {stay.end === null && (stay.host === me || mine) && <EndStayForm circle={circle} stay={stay} />}
            </li>
          ))}
        </ul>
      )}
      {request.status !== 'closed' && (mine ? <CloseButtons circle={circle} request={request} /> : <StayForm circle={circle} request={request} />)}
    </article>
  );
}

function HostRow({ circle, match, roster, name, unlocked }: { readonly circle: OpenCircle; readonly match: HostMatch; readonly roster: RosterState; readonly name: string; readonly unlocked: boolean }) {
  const { t, plural } = useT();
  const phone = unlocked ? phoneToCall(circle, roster, match.host) : null;
  return (
    <>
      <strong>{name}</strong> <span class="muted">{match.hosted === 0 ? t('housing.hostedNever') : plural('housing.hosted', match.hosted)}</span>
      {unlocked &&
        (phone === null ? (
          <p class="muted">{t('housing.noPhone', { name })}</p>
        ) : (
          <span class="actions-row">
            <a class="button" href={`tel:${phone}`}>
              {t('housing.call', { name })}
            </a>
            <a class="button" href={`sms:${phone}`}>
              {t('housing.text', { name })}
            </a>
          </span>
        ))}
    </>
  );
}
