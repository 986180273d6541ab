import type { CircleView } from '../../app/circle-view';
import type { ExchangeConfirmed, MemberKey, RecordId } from '../../domain/events';
import { conflictsFor } from '../../domain/ledger';
import type { ExchangeConflict } from '../../domain/ledger';
import { memberName } from '../circle/people';
import { formatHours, skillLabelOf } from '../components/format';
import { useT } from '../shell/context';
import type { Translator } from '../../i18n/i18n';
import { nameList } from './format';

/**
 * Drafts that more members confirmed than they had room for. Every phone
 * counts the same first ones; the rest are shown here so nobody is surprised
 * by a balance.
 */
export function Conflicts({ view, me }: { readonly view: CircleView; readonly me: MemberKey }) {
  const translator = useT();
  const conflicts = conflictsFor(view.ledger, me);
  if (conflicts.length === 0) return null;
  const confirmations = new Map<RecordId, ExchangeConfirmed>();
  for (const confirmation of view.ledger.records()) confirmations.set(confirmation.id, confirmation);
  return (
    <section aria-labelledby="exchange-conflicts-title">
      <h2 id="exchange-conflicts-title">{translator.t('exchange.conflicts.title')}</h2>
      <ul class="list exchange-conflicts">
        {conflicts.map((conflict) => (
          <li key={conflict.draftId}>{conflictText(conflict, confirmations, view, me, translator)}</li>
        ))}
      </ul>
    </section>
  );
}

function conflictText(
  conflict: ExchangeConflict,
  confirmations: ReadonlyMap<RecordId, ExchangeConfirmed>,
  view: CircleView,
  me: MemberKey,
  translator: Translator,
): string {
  const { t } = translator;
  const nameOf = (key: MemberKey): string => memberName(view.membership, key, t);
  const authorsOf = (ids: readonly RecordId[]): MemberKey[] =>
    ids.flatMap((id) => {
      const author = confirmations.get(id)?.author;
      return author === undefined ? [] : [author];
    });
  const counted = authorsOf(conflict.counted);
  const draft = confirmations.get(conflict.counted[0] ?? '')?.draft;
  const params = {
    hours: draft === undefined ? '' : formatHours(draft.quarters, translator),
    skill: draft === undefined ? t('skill.unknown') : skillLabelOf(view.skills, draft.skill, t),
    date: translator.date(conflict.at),
    counted: nameList(counted.map(nameOf), translator.locale),
    author: nameOf(conflict.draftAuthor),
  };
  const seats = draft?.seats ?? counted.length;
  if (conflict.draftAuthor === me) {
    const everyone = [...counted, ...conflict.extra.map((extra) => extra.countersigner)];
    return translator.plural('exchange.conflict.yours', seats, { ...params, names: nameList(everyone.map(nameOf), translator.locale) });
  }
  return translator.plural('exchange.conflict.extra', seats, params);
}
