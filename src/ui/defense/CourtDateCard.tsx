import { openCourtDetails } from '../../app/defense/court-details';
import type { CourtDetails } from '../../app/defense/court-details';
import type { OpenCircle } from '../../app/open-circle';
import { courtDateStatus } from '../../domain/court';
import type { CourtDateState, CourtDateStatus, CourtSlotState } from '../../domain/court';
import type { ExpiringProblem } from '../../app/defense/sealing';
import type { OpenFieldProblem } from '../../records/sealed-field';
import type { ReplicaSnapshot } from '../../replica/replica';
import type { Translator } from '../../i18n/i18n';
import { useT } from '../shell/context';
import { whereOf } from './court-format';

export interface CourtDateView {
  readonly status: CourtDateStatus;
  /** Opened only on an unlocked phone and before expiry; null otherwise. */
  readonly details: CourtDetails | OpenFieldProblem | ExpiringProblem | null;
  readonly title: string;
}

/** What a date shows at `now`: its details are not opened once expired, nor on a phone that is not unlocked. */
export function viewOf(circle: OpenCircle, snapshot: ReplicaSnapshot, date: CourtDateState, now: number, unlocked: boolean, translator: Translator): CourtDateView {
  const status = courtDateStatus(date, now);
  const expired = !(now < date.expiresAt);
  const details = unlocked && !expired ? openCourtDetails(circle, date, now) : null;
  const name = snapshot.circle.members.get(date.author)?.name ?? date.author.slice(0, 8);
  const title =
    details !== null && typeof details === 'object'
      ? translator.t('court.titleOpen', { when: translator.dateTime(details.hearingAt) })
      : translator.t('court.titleSealed', { name });
  return { status, details, title };
}

interface CourtDateBodyProps {
  readonly snapshot: ReplicaSnapshot;
  readonly date: CourtDateState;
  readonly view: CourtDateView;
  readonly now: number;
  readonly unlocked: boolean;
}

/** Who posted it, what it says (or why not), and its places with who fills them: the same in the list and on the date's own screen. */
export function CourtDateBody({ snapshot, date, view, now, unlocked }: CourtDateBodyProps) {
  const translator = useT();
  const { t } = translator;
  const nameOf = (key: string) => snapshot.circle.members.get(key)?.name ?? key.slice(0, 8);
  const { details, status } = view;
  return (
    <>
      <p class="muted">{t('court.postedBy', { name: nameOf(date.author), ago: translator.relative(date.at, now) })}</p>
      {status === 'cancelled' && (
        <p>
          <strong>{t('court.cancelledNote')}</strong>
        </p>
      )}
      {!(now < date.expiresAt) || details === 'expired' ? (
        <p class="muted">{t('court.detailsExpired')}</p>
      ) : !unlocked ? (
        <p>{t('court.detailsLocked')}</p>
      ) : details === null || typeof details === 'string' ? (
        <p role="status">{t(details === 'no-chain' ? 'court.detailsNoChain' : 'court.detailsUnreadable')}</p>
      ) : (
        <>
          <p>{whereOf(details)}</p>
          {details.note !== '' && <p class="muted">{details.note}</p>}
        </>
      )}
      <ul class="list">
        {date.slots.map((slot) => (
          <li key={slot.help}>
            <SlotLine slot={slot} nameOf={nameOf} />
          </li>
        ))}
      </ul>
    </>
  );
}

function SlotLine({ slot, nameOf }: { readonly slot: CourtSlotState; readonly nameOf: (key: string) => string }) {
  const { t, plural } = useT();
  const open = slot.count - slot.filled.length;
  const names = [...slot.filled.map((signup) => nameOf(signup.member)), ...slot.waiting.map((signup) => t('court.waitingName', { name: nameOf(signup.member) }))];
  return (
    <>
      <strong>{t('court.slot', { help: t(`court.help.${slot.help}`), filled: slot.filled.length, count: slot.count })}</strong>
      <span>{names.length === 0 ? t('court.nobodyYet') : names.join(', ')}</span>
      <span class="muted">{open > 0 ? plural('court.slotOpen', open) : t('court.slotFull')}</span>
    </>
  );
}
