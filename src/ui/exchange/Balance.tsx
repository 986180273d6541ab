import { useAppState, useAppStore, useT } from '../shell/context';
import { currentBalance, formatBalance } from './format';

/** The member's balance in the running cycle, kept current as records arrive. */
export function Balance() {
  const translator = useT();
  const store = useAppStore();
  const { circle, view } = useAppState();
  if (circle === null || view === null) return null;
  const quarters = currentBalance(view, circle.membership.memberKey, store.deps.now());
  return (
    <p class="exchange-balance">
      {translator.t('exchange.balance.label')}{' '}
      <strong data-testid="exchange-balance">{formatBalance(quarters, translator)}</strong>
    </p>
  );
}
