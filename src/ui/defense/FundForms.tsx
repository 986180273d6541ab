import { useState } from 'preact/hooks';
import { contribute, pledge, requestSupport } from '../../app/defense/fund';
import type { OpenCircle } from '../../app/open-circle';
import { parseAmount, SUPPORT_REASONS } from '../../domain/fund';
import type { SupportReasonKind } from '../../domain/fund';
import type { MessageKey } from '../../i18n/en';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

type Problem = 'amount' | 'schedule' | 'note' | 'reason' | 'not-a-member' | 'unknown-pledge' | 'not-their-pledge';

/** An amount field that says what is wrong with what was typed. */
function AmountField({ label, value, onInput, problem }: { readonly label: string; readonly value: string; readonly onInput: (value: string) => void; readonly problem: Problem | null }) {
  const { t } = useT();
  return (
    <Field label={label} value={value} onInput={onInput} inputMode="decimal" maxLength={16} hint={t('fund.amountHint')} error={problem === 'amount' ? t('fund.problem.amount') : null} />
  );
}

/** Runs a fund use case and answers in words: the problem under the form, or a notice when done. */
function useFundAction() {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [problem, setProblem] = useState<Problem | null>(null);
  const act = (work: () => Promise<{ ok: true } | { ok: false; error: Problem }>, done: MessageKey, after: () => void) =>
    void run(async () => {
      const result = await work();
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      after();
      store.notify({ tone: 'success', message: t(done) });
    });
  const otherProblem = problem !== null && problem !== 'amount' && problem !== 'schedule' && problem !== 'note' ? t(`fund.problem.${problem}`) : null;
  return { busy, act, problem, setProblem, otherProblem };
}

export function GiveForm({ circle }: { readonly circle: OpenCircle }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, problem, setProblem, otherProblem } = useFundAction();
  const [amount, setAmount] = useState('');
  const [perCycle, setPerCycle] = useState(false);
  const [cycles, setCycles] = useState('12');
  const minor = () => parseAmount(amount);
  const give = (kind: 'pledge' | 'contribute') => {
    const value = minor();
    if (value === null) return setProblem('amount');
    const clear = () => setAmount('');
    if (kind === 'contribute') return act(() => contribute(circle, { amount: value, pledge: null }, store.deps), 'fund.contributed', clear);
    const schedule = perCycle ? { kind: 'per-cycle' as const, cycles: Number(cycles) } : { kind: 'once' as const };
    act(() => pledge(circle, { amount: value, schedule }, store.deps), 'fund.pledged', clear);
  };
  return (
    <details>
      <summary>{t('fund.giveTitle')}</summary>
      <form onSubmit={(event) => (event.preventDefault(), give('pledge'))} noValidate>
        <AmountField label={t('fund.amountGive')} value={amount} onInput={setAmount} problem={problem} />
        <fieldset class="choice-group">
          <legend>{t('fund.schedule')}</legend>
          <label class="choice">
            <input type="radio" name="fund-schedule" checked={!perCycle} onChange={() => setPerCycle(false)} /> <span>{t('fund.once')}</span>
          </label>
          <label class="choice">
            <input type="radio" name="fund-schedule" checked={perCycle} onChange={() => setPerCycle(true)} /> <span>{t('fund.perCycle')}</span>
          </label>
        </fieldset>
        {perCycle && <Field label={t('fund.cycles')} value={cycles} onInput={setCycles} inputMode="numeric" maxLength={3} error={problem === 'schedule' ? t('fund.problem.schedule') : null} />}
        {otherProblem !== null && (
          <p class="error" role="alert">
            {otherProblem}
          </p>
        )}
        <div class="actions-row">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('fund.pledge')}
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => give('contribute')}>
            {t('fund.contribute')}
          </button>
        </div>
      </form>
    </details>
  );
}

export function AskForm({ circle }: { readonly circle: OpenCircle }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, problem, setProblem, otherProblem } = useFundAction();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<SupportReasonKind>('housing');
  const [note, setNote] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const value = parseAmount(amount);
    if (value === null) return setProblem('amount');
    act(() => requestSupport(circle, { amount: value, reason, note }, store.deps), 'fund.asked', () => {
      setAmount('');
      setNote('');
    });
  };
  return (
    <details>
      <summary>{t('fund.askTitle')}</summary>
      <form onSubmit={submit} noValidate>
        <AmountField label={t('fund.amountAsk')} value={amount} onInput={setAmount} problem={problem} />
        <div class="field">
          <label>
            {t('fund.reason')}
            <select value={reason} onChange={(event) => setReason(event.currentTarget.value as SupportReasonKind)}>
              {SUPPORT_REASONS.map((option) => (
                <option key={option} value={option}>
                  {t(`fund.reason.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Field label={t('fund.note')} value={note} onInput={setNote} required={false} maxLength={560} error={problem === 'note' ? t('fund.problem.note') : null} />
        {otherProblem !== null && (
          <p class="error" role="alert">
            {otherProblem}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('fund.ask')}
        </button>
      </form>
    </details>
  );
}
