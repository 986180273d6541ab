import type { CircleView } from '../../app/circle-view';
import { parseExchangeDraft } from '../../records/kinds/exchange';
import { alreadyChecked } from '../../records/crypto';
import type { PendingDraft } from '../../replica/vault';
import { useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { draftLine } from './format';

/** This phone's drafts that nobody has countersigned yet; each opens its code again. */
export function PendingList({ pending, view }: { readonly pending: readonly PendingDraft[]; readonly view: CircleView }) {
  const translator = useT();
  const drafts = pending.flatMap((entry) => {
    // Made and signed on this phone: its signature was checked when it was made.
    const draft = parseExchangeDraft(entry.bytes, alreadyChecked);
    return draft.ok ? [draft.value] : [];
  });
  if (drafts.length === 0) return null;
  drafts.sort((a, b) => b.at - a.at);
  return (
    <section aria-labelledby="exchange-pending-title">
      <h2 id="exchange-pending-title">{translator.t('exchange.pending.title')}</h2>
      <p class="muted">{translator.t('exchange.pending.lead')}</p>
      <ul class="list" data-testid="pending-drafts">
        {drafts.map((draft) => (
          <li key={draft.id}>
            <a href={hrefFor({ name: 'draft', id: draft.id })}>{draftLine(draft, view, translator)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
