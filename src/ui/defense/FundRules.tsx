import { useState } from 'preact/hooks';
import { setFundRules } from '../../app/defense/fund';
import type { FundRulesProblem } from '../../app/defense/fund';
import type { OpenCircle } from '../../app/open-circle';
import { amountForInput, formatAmount, parseAmount } from '../../domain/fund';
import type { FundState } from '../../domain/fund';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

interface FundRulesProps {
  readonly circle: OpenCircle;
  readonly fund: FundState;
  readonly name: (member: string) => string;
}

/**
 * The circle's rules for payouts, who set them and when, and a form any
 * member may use to change them, as the circle's other rules are changed.
 */
export function FundRules({ circle, fund, name }: FundRulesProps) {
  const translator = useT();
  const { t, locale } = translator;
  const store = useAppStore();
  const { busy, run } = useBusy();
  // Null until the member types, so that the fields follow the rules as they arrive by sync.
  const [amount, setAmount] = useState<string | null>(null);
  const [approvers, setApprovers] = useState<string | null>(null);
  const [problem, setProblem] = useState<FundRulesProblem | null>(null);
  const { rules } = fund;
  const last = fund.rulesHistory.at(-1);

  const save = (event: Event): void => {
    event.preventDefault();
    const largeAmount = parseAmount(amount ?? amountForInput(rules.largeAmount, locale));
    if (largeAmount === null) return setProblem('large-amount');
    void run(async () => {
      const result = await setFundRules(circle, { largeAmount, largeApprovers: Number(approvers ?? rules.largeApprovers) }, store.deps);
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      setAmount(null);
      setApprovers(null);
      store.notify({ tone: 'success', message: t('fund.rulesSaved') });
    });
  };

  return (
    <section aria-labelledby="fund-rules-title">
      <h2 id="fund-rules-title">{t('fund.rulesTitle')}</h2>
      <p>{t('fund.rulesNow', { amount: formatAmount(rules.largeAmount, locale), approvers: rules.largeApprovers })}</p>
      <p class="muted">{last === undefined ? t('fund.rulesStarting') : t('fund.rulesSetBy', { name: name(last.changedBy), date: translator.date(last.at) })}</p>
      <p>{t('fund.rulesJudged')}</p>
      <details>
        <summary>{t('fund.rulesChange')}</summary>
        <form onSubmit={save} noValidate>
          <Field
            label={t('fund.largeAmount')}
            value={amount ?? amountForInput(rules.largeAmount, locale)}
            onInput={setAmount}
            inputMode="decimal"
            maxLength={16}
            hint={t('fund.amountHint')}
            error={problem === 'large-amount' ? t('fund.problem.large-amount') : null}
          />
          <Field
            label={t('fund.largeApprovers')}
            value={approvers ?? String(rules.largeApprovers)}
            onInput={setApprovers}
            inputMode="numeric"
            maxLength={2}
            hint={t('fund.largeApproversHint')}
            error={problem === 'large-approvers' ? t('fund.problem.large-approvers') : null}
          />
          {problem === 'not-a-member' && (
            <p class="error" role="alert">
              {t('fund.problem.not-a-member')}
            </p>
          )}
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('fund.rulesSave')}
          </button>
        </form>
      </details>
    </section>
  );
}
