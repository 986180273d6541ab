import { approve, decline, markPaid, withdraw } from '../../app/defense/fund';
import type { ApproveProblem, DeclineProblem, PayProblem, WithdrawProblem } from '../../app/defense/fund';
import { fundOf } from '../../app/fund-view';
import type { OpenCircle } from '../../app/open-circle';
import { formatAmount } from '../../domain/fund';
import type { FundRules as FundRulesValue, SupportRequestState } from '../../domain/fund';
import type { RecordId } from '../../domain/events';
import type { Result } from '../../records/result';
import { Page } from '../components/Page';
import { useBusy } from '../components/use-busy';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { AskForm, GiveForm } from './FundForms';
import { FundRules } from './FundRules';

// The published totals load with this screen: one chunk for both keeps the list of chunks the first load carries shorter.
export { FundTotals } from './FundTotals';

/** The emergency fund: its balance, giving, asking, deciding on requests, and the circle's rules for payouts. */
export function FundScreen() {
  const { t, locale } = useT();
  const store = useAppStore();
  const { circle, snapshot } = useAppState();
  if (circle === null || snapshot === null) return null;
  const fund = fundOf(snapshot, store.deps.now());
  const money = (minor: number) => formatAmount(minor, locale);
  const requests = [...fund.requests.values()].sort((a, b) => b.at - a.at);
  const name = (member: string): string => snapshot.circle.members.get(member)?.name ?? '';
  return (
    <Page title={t('fund.title')}>
      <p>{t('fund.lead')}</p>
      <p class="panel">
        <strong>{t('fund.balance', { amount: money(fund.balance) })}</strong> {t('fund.totals', { contributed: money(fund.contributed), paidOut: money(fund.paidOut) })}{' '}
        <a href={hrefFor({ name: 'fund-totals' })}>{t('fund.totalsLink')}</a>
      </p>
      <GiveForm circle={circle} />
      <AskForm circle={circle} />
      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t('fund.requestsTitle')}</h2>
        {requests.length === 0 ? (
          <p>{t('fund.requestsNone')}</p>
        ) : (
          <ul class="list">
            {requests.map((request) => (
              <li key={request.id}>
                <RequestRow circle={circle} request={request} name={name(request.requester)} money={money} current={fund.rules} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <FundRules circle={circle} fund={fund} name={name} />
    </Page>
  );
}

interface RequestRowProps {
  readonly circle: OpenCircle;
  readonly request: SupportRequestState;
  readonly name: string;
  readonly money: (minor: number) => string;
  /** The rules in force now: a request made under others says which. */
  readonly current: FundRulesValue;
}

function sameRules(a: FundRulesValue, b: FundRulesValue): boolean {
  return a.largeAmount === b.largeAmount && a.largeApprovers === b.largeApprovers;
}

function RequestRow({ circle, request, name, money, current }: RequestRowProps) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const me = circle.membership.memberKey;
  const mine = request.requester === me;
  const open = request.status === 'open' || request.status === 'approved';
  const act = (work: (circle: OpenCircle, id: RecordId, deps: typeof store.deps) => Promise<Result<RecordId, ApproveProblem | DeclineProblem | PayProblem | WithdrawProblem>>) =>
    void run(async () => {
      const result = await work(circle, request.id, store.deps);
      store.notify(result.ok ? { tone: 'success', message: t('fund.done') } : { tone: 'error', message: t(`fund.problem.${result.error}`) });
    });
  return (
    <>
      <p>
        {t('fund.request', { name, amount: money(request.amount), reason: t(`fund.reason.${request.reason}`) })} <strong>{t(`fund.status.${request.status}`)}</strong>
      </p>
      <p class="muted">{t('fund.approvals', { count: request.approvers.length, required: request.required })}</p>
      {!sameRules(request.rules, current) && (
        <p class="muted">{t('fund.requestRules', { amount: money(request.rules.largeAmount), approvers: request.rules.largeApprovers })}</p>
      )}
      {open && (
        <div class="actions-row">
          {!mine && request.status === 'open' && !request.approvers.includes(me) && (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => act(approve)}>
              {t('fund.approve')}
            </button>
          )}
          {!mine && (
            <button type="button" class="button" disabled={busy} onClick={() => act(decline)}>
              {t('fund.decline')}
            </button>
          )}
          {mine && (
            <button type="button" class="button" disabled={busy} onClick={() => act(withdraw)}>
              {t('fund.withdraw')}
            </button>
          )}
          {request.status === 'approved' && (
            <button type="button" class="button" disabled={busy} onClick={() => act(markPaid)}>
              {t('fund.markPaid')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
