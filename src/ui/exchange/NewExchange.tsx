import { useEffect, useState } from 'preact/hooks';
import type { CircleView } from '../../app/circle-view';
import { checkInput, checkOwnLimits, startExchange } from '../../app/exchange';
import type { ExchangeInput } from '../../app/exchange';
import type { ExchangeRole, MemberKey, SkillRef } from '../../domain/events';
import type { LimitCheck } from '../../domain/ledger';
import { normalizeName } from '../../domain/names';
import { isKnownSkill } from '../../domain/skills';
import type { Translator } from '../../i18n/i18n';
import { MAX_NOTE_CHARS, MAX_QUARTERS } from '../../records/kinds/exchange';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { navigate } from '../shell/router';
import { Balance } from './Balance';
import { GroupFields, HoursSelect, NoteInput, RoleChoice, SkillSelect } from './fields';
import { formatBalance } from './format';
import { inputProblemKey } from './problems';
import './exchange.css';

export interface NewExchangeProps {
  readonly role: ExchangeRole | null;
  readonly listing: string | null;
}

interface Prefill {
  readonly role: ExchangeRole;
  readonly quarters: number;
  readonly skill: SkillRef;
}

/** A listing on the board says what and how long; whose listing it is says who helps whom. */
function prefill(view: CircleView, me: MemberKey, role: ExchangeRole | null, listingId: string | null): Prefill {
  const listing = listingId === null ? undefined : view.postings.listings.find((entry) => entry.id === listingId);
  if (listing === undefined) return { role: role ?? 'provider', quarters: 4, skill: '' };
  const iOffer = (listing.side === 'offer') === (listing.author === me);
  return {
    role: role ?? (iOffer ? 'provider' : 'receiver'),
    quarters: listing.quarters === null ? 4 : Math.min(MAX_QUARTERS, Math.max(1, listing.quarters)),
    skill: isKnownSkill(view.skills, listing.skill) ? listing.skill : '',
  };
}

/** Why this member's own side of the limits objects, or null if it does not. */
function ownLimitText(check: LimitCheck, role: ExchangeRole, view: CircleView, translator: Translator): string | null {
  const settings = view.settings.current;
  const above = role === 'provider';
  if (above ? check.provider === 'ok' : check.receiver === 'ok') return null;
  return translator.t(above ? 'exchange.limit.youAbove' : 'exchange.limit.youBelow', {
    balance: formatBalance(above ? check.providerAfter : check.receiverAfter, translator),
    limit: formatBalance(above ? settings.upperLimit : settings.lowerLimit, translator),
  });
}

/**
 * The first party's form. Every control offers only values a draft accepts;
 * the limits are checked before anything is signed.
 */
export function NewExchange({ role: routeRole, listing }: NewExchangeProps) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view, pendingDrafts } = useAppState();
  const me = circle?.membership.memberKey ?? '';
  const [initial] = useState(() => (view === null ? null : prefill(view, me, routeRole, listing)));
  const [role, setRole] = useState<ExchangeRole>(initial?.role ?? 'provider');
  const [quarters, setQuarters] = useState(initial?.quarters ?? 4);
  const [skill, setSkill] = useState<SkillRef>(initial?.skill ?? '');
  const [note, setNote] = useState('');
  const [seats, setSeats] = useState(1);
  const [problem, setProblem] = useState<{ readonly field: 'skill' | 'note' | 'other'; readonly text: string } | null>(null);
  const [warning, setWarning] = useState<{ readonly input: ExchangeInput; readonly text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The two start buttons link here with different roles: follow the newest.
  useEffect(() => {
    if (routeRole !== null) setRole(routeRole);
  }, [routeRole]);
  if (circle === null || view === null) return null;

  const changed = <T,>(set: (value: T) => void) => (value: T): void => {
    set(value);
    setWarning(null);
    setProblem(null);
  };
  const chooseRole = (next: ExchangeRole): void => {
    changed(setRole)(next);
    // Only a provider serves a group.
    if (next === 'receiver') setSeats(1);
  };

  const make = async (input: ExchangeInput): Promise<void> => {
    setBusy(true);
    try {
      const result = await startExchange(circle, store.vault, view, input, store.deps);
      if (!result.ok) {
        const check = checkOwnLimits(view, me, input, store.get().pendingDrafts, store.deps.now());
        const text = result.error === 'hard-limit' ? t('exchange.new.hardLimit', { reason: ownLimitText(check, input.role, view, translator) ?? '' }) : t(inputProblemKey(result.error));
        setProblem({ field: result.error === 'skill' || result.error === 'note' ? result.error : 'other', text });
        return;
      }
      await store.refreshPendingDrafts();
      navigate({ name: 'draft', id: result.value.draft.id });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const normalized = note.trim() === '' ? ({ ok: true, value: '' } as const) : normalizeName(note, MAX_NOTE_CHARS);
    if (!normalized.ok) {
      setProblem({ field: 'note', text: t('exchange.new.badNote', { max: MAX_NOTE_CHARS }) });
      return;
    }
    const input: ExchangeInput = { role, quarters, skill, note: normalized.value, seats: role === 'provider' ? seats : 1 };
    const inputProblem = checkInput(input, view);
    if (inputProblem !== null) {
      const field = inputProblem === 'skill' || inputProblem === 'note' ? inputProblem : 'other';
      setProblem({ field, text: t(inputProblemKey(inputProblem), { max: MAX_NOTE_CHARS }) });
      return;
    }
    const check = checkOwnLimits(view, me, input, pendingDrafts, store.deps.now());
    const limitText = ownLimitText(check, role, view, translator);
    if (check.blocking) {
      setProblem({ field: 'other', text: t('exchange.new.hardLimit', { reason: limitText ?? '' }) });
      return;
    }
    if (limitText !== null) {
      setWarning({ input, text: limitText });
      return;
    }
    void make(input);
  };

  const settings = view.settings.current;
  return (
    <Page title={t('exchange.new.title')}>
      <form onSubmit={submit} noValidate>
        <RoleChoice role={role} onChange={chooseRole} />
        <HoursSelect value={quarters} onChange={changed(setQuarters)} perPerson={seats > 1} />
        <SkillSelect value={skill} onChange={changed(setSkill)} skills={view.skills} invalid={problem?.field === 'skill'} />
        <NoteInput value={note} onChange={changed(setNote)} invalid={problem?.field === 'note'} />
        {role === 'provider' && <GroupFields seats={seats} onChange={changed(setSeats)} />}
        <div class="exchange-limits">
          <Balance />
          <p class="hint">
            {t(settings.limitMode === 'hard' ? 'exchange.new.limitsHard' : 'exchange.new.limitsSoft', {
              lower: formatBalance(settings.lowerLimit, translator),
              upper: formatBalance(settings.upperLimit, translator),
            })}
          </p>
        </div>
        {problem !== null && (
          <p class="error" role="alert">
            {problem.text}
          </p>
        )}
        {warning === null ? (
          <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
            {t('exchange.new.submit')}
          </button>
        ) : (
          <div class="exchange-warning" role="alert">
            <p>{warning.text}</p>
            <p>{t('exchange.limit.soft')}</p>
            <div class="actions-row">
              <button type="button" class="button button-primary" onClick={() => void make(warning.input)} disabled={busy} aria-busy={busy}>
                {t('exchange.new.anyway')}
              </button>
              <button type="button" class="button" onClick={() => setWarning(null)}>
                {t('exchange.new.change')}
              </button>
            </div>
          </div>
        )}
      </form>
    </Page>
  );
}
