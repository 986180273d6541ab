import { useId, useState } from 'preact/hooks';
import { postCourtDate } from '../../app/defense/court';
import type { PostCourtProblem } from '../../app/defense/court';
import { COURT_DETAIL_LIMITS } from '../../app/defense/court-details';
import type { OpenCircle } from '../../app/open-circle';
import { COURT_HELP, COURT_LIMITS } from '../../domain/court';
import type { CourtHelp } from '../../domain/court';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';
import { parseLocalDateTime } from './court-format';

const COUNTS = Array.from({ length: COURT_LIMITS.perHelp + 1 }, (_, n) => n);
const FIRST_ASK: Readonly<Record<CourtHelp, number>> = { companion: 1, interpreter: 0, driver: 0, childcare: 0 };

/** Posting a hearing: when (sealed), where (sealed), a note (sealed), and the help wanted (public). */
export function PostCourtDate({ circle }: { readonly circle: OpenCircle }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const whenId = useId();
  const [when, setWhen] = useState('');
  const [court, setCourt] = useState('');
  const [room, setRoom] = useState('');
  const [note, setNote] = useState('');
  const [counts, setCounts] = useState(FIRST_ASK);
  const [problem, setProblem] = useState<PostCourtProblem | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => {
      const slots = COURT_HELP.map((help) => ({ help, count: counts[help] }));
      const result = await postCourtDate(circle, { hearingAt: parseLocalDateTime(when), court, room, note, slots }, store.deps);
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      setWhen('');
      setCourt('');
      setRoom('');
      setNote('');
      setCounts(FIRST_ASK);
      store.notify({ tone: 'success', message: t('court.posted') });
    });
  };
  const errorFor = (...fields: PostCourtProblem[]) => (problem !== null && fields.includes(problem) ? t(`court.problem.${problem}`) : null);
  const whenError = errorFor('hearing-time', 'hearing-past', 'hearing-too-far');
  const otherError = errorFor('lock-required', 'not-a-member', 'no-chain');

  return (
    <details>
      <summary>{t('court.postTitle')}</summary>
      <p>{t('court.postLead')}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for={whenId}>{t('court.hearingAt')}</label>
          <input
            id={whenId}
            type="datetime-local"
            value={when}
            onInput={(event) => setWhen(event.currentTarget.value)}
            required
            aria-invalid={whenError !== null ? true : undefined}
            aria-describedby={whenError !== null ? `${whenId}-error` : undefined}
          />
          {whenError !== null && (
            <p id={`${whenId}-error`} class="error" role="alert">
              {whenError}
            </p>
          )}
        </div>
        <Field label={t('court.court')} value={court} onInput={setCourt} maxLength={COURT_DETAIL_LIMITS.courtChars * 2} error={errorFor('court')} />
        <Field label={t('court.room')} value={room} onInput={setRoom} required={false} maxLength={COURT_DETAIL_LIMITS.roomChars * 2} error={errorFor('room')} />
        <Field label={t('court.note')} value={note} onInput={setNote} hint={t('court.noteHint')} required={false} maxLength={COURT_DETAIL_LIMITS.noteChars * 2} error={errorFor('note')} />
        <fieldset class="choice-group">
          <legend>{t('court.helpWanted')}</legend>
          <p class="hint">{t('court.helpWantedHint')}</p>
          {COURT_HELP.map((help) => (
            <div class="field" key={help}>
              <label>
                {t(`court.count.${help}`)}{' '}
                <select value={String(counts[help])} onChange={(event) => setCounts({ ...counts, [help]: Number(event.currentTarget.value) })}>
                  {COUNTS.map((count) => (
                    <option key={count} value={String(count)}>
                      {count}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ))}
          {errorFor('slots', 'slots-too-many') !== null && (
            <p class="error" role="alert">
              {errorFor('slots', 'slots-too-many')}
            </p>
          )}
        </fieldset>
        {otherError !== null && (
          <p class="error" role="alert">
            {otherError}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('court.posting') : t('court.post')}
        </button>
      </form>
    </details>
  );
}
