import { useState } from 'preact/hooks';
import { askForHousing, closeRequest, endStay, HOUSING_NOTE_CHARS, localDay, recordStay } from '../../app/defense/housing';
import type { AskProblem, CloseProblem, EndProblem, StayProblem } from '../../app/defense/housing';
import type { OpenCircle } from '../../app/open-circle';
import { dayOfIso, isoOfDay } from '../../domain/housing';
import type { HousingRequestState, StayState } from '../../domain/housing';
import type { MessageKey } from '../../i18n/en';
import type { Result } from '../../records/result';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

type Problem = AskProblem | StayProblem | CloseProblem | EndProblem;

/** What a member typed in a number field; anything but digits reads as no number, which the use case refuses in words. */
const count = (typed: string): number => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);
const day = (typed: string): number => dayOfIso(typed) ?? Number.NaN;

/** Runs a housing use case and answers in words: the problem beside its field or under the form, or a notice when done. */
function useHousingAction(fields: readonly Problem[] = []) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [problem, setProblem] = useState<Problem | null>(null);
  const act = (work: () => Promise<Result<unknown, Problem>>, done: MessageKey, after?: () => void) =>
    void run(async () => {
      const result = await work();
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      after?.();
      store.notify({ tone: 'success', message: t(done) });
    });
  const errorFor = (field: Problem) => (problem === field ? t(`housing.problem.${field}`) : null);
  const other = problem !== null && !fields.includes(problem) ? t(`housing.problem.${problem}`) : null;
  const otherError =
    other === null ? null : (
      <p class="error" role="alert">
        {other}
      </p>
    );
  return { busy, act, errorFor, otherError };
}

function Tick({ label, checked, onChange }: { readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  return (
    <label class="choice">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} /> <span>{label}</span>
    </label>
  );
}

export function AskForm({ circle }: { readonly circle: OpenCircle }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, errorFor, otherError } = useHousingAction(['people', 'nights', 'from', 'note']);
  const [people, setPeople] = useState('1');
  const [nights, setNights] = useState('3');
  const [from, setFrom] = useState(() => isoOfDay(localDay(store.deps.now())));
  const [accessible, setAccessible] = useState(false);
  const [neighbour, setNeighbour] = useState(false);
  const [note, setNote] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const input = { people: count(people), nights: count(nights), from: day(from), accessible, neighbour, note };
    act(() => askForHousing(circle, input, store.deps), 'housing.asked', () => setNote(''));
  };
  return (
    <details>
      <summary>{t('housing.askTitle')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('housing.people')} value={people} onInput={setPeople} inputMode="numeric" maxLength={2} error={errorFor('people')} />
        <Field label={t('housing.nights')} value={nights} onInput={setNights} inputMode="numeric" maxLength={2} error={errorFor('nights')} />
        <Field label={t('housing.from')} value={from} onInput={setFrom} type="date" error={errorFor('from')} />
        <Tick label={t('housing.accessible')} checked={accessible} onChange={setAccessible} />
        <Tick label={t('housing.neighbour')} checked={neighbour} onChange={setNeighbour} />
        <Field label={t('housing.note')} value={note} onInput={setNote} hint={t('housing.noteHint')} required={false} maxLength={HOUSING_NOTE_CHARS * 2} error={errorFor('note')} />
        {otherError}
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('housing.ask')}
        </button>
      </form>
    </details>
  );
}

/** A host records that they take in some or all of a request's people. */
export function StayForm({ circle, request }: { readonly circle: OpenCircle; readonly request: HousingRequestState }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, errorFor, otherError } = useHousingAction(['people', 'nights', 'from']);
  const [people, setPeople] = useState(String(request.people));
  const [nights, setNights] = useState(String(request.nights));
  const [from, setFrom] = useState(isoOfDay(request.from));
  const submit = (event: Event) => {
    event.preventDefault();
    act(() => recordStay(circle, request.id, { people: count(people), nights: count(nights), from: day(from) }, store.deps), 'housing.stayRecorded');
  };
  return (
    <details>
      <summary>{t('housing.stayTitle')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('housing.stayPeople')} value={people} onInput={setPeople} inputMode="numeric" maxLength={2} error={errorFor('people')} />
        <Field label={t('housing.stayNights')} value={nights} onInput={setNights} inputMode="numeric" maxLength={2} error={errorFor('nights')} />
        <Field label={t('housing.stayFrom')} value={from} onInput={setFrom} type="date" error={errorFor('from')} />
        {otherError}
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('housing.recordStay')}
        </button>
      </form>
    </details>
  );
}

/** The host or the requester ends a stay before its last night. */
export function EndStayForm({ circle, stay }: { readonly circle: OpenCircle; readonly stay: StayState }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, errorFor, otherError } = useHousingAction(['day', 'bad-day']);
  const lastNight = stay.from + stay.nights - 1;
  const [leaves, setLeaves] = useState(() => isoOfDay(Math.min(Math.max(localDay(store.deps.now()), stay.from), lastNight)));
  const submit = (event: Event) => {
    event.preventDefault();
    act(() => endStay(circle, stay.id, day(leaves), store.deps), 'housing.ended');
  };
  return (
    <details>
      <summary>{t('housing.endTitle')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('housing.endDay')} value={leaves} onInput={setLeaves} type="date" error={errorFor('day') ?? errorFor('bad-day')} />
        {otherError}
        <button type="submit" class="button" disabled={busy}>
          {t('housing.end')}
        </button>
      </form>
    </details>
  );
}

/** The requester closes their own request. */
export function CloseButtons({ circle, request }: { readonly circle: OpenCircle; readonly request: HousingRequestState }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, act, otherError } = useHousingAction();
  const close = (reason: 'housed-elsewhere' | 'not-needed') => act(() => closeRequest(circle, request.id, reason, store.deps), 'housing.closed');
  return (
    <>
      <div class="actions-row">
        <button type="button" class="button" disabled={busy} onClick={() => close('housed-elsewhere')}>
          {t('housing.closeHousedElsewhere')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => close('not-needed')}>
          {t('housing.closeNotNeeded')}
        </button>
      </div>
      {otherError}
    </>
  );
}
