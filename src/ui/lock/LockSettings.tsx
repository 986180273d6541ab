import { useState } from 'preact/hooks';
import { setAutoLock, setLock, turnOffLock } from '../../app/lock/app-lock';
import type { PassphraseProblem } from '../../app/lock/app-lock';
import { AUTO_LOCK_CHOICES, parseAutoLockChoice } from '../../domain/lock-policy';
import type { AutoLockChoice } from '../../domain/lock-policy';
import type { MessageKey } from '../../i18n/en';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppState, useAppStore, useT } from '../shell/context';

const PROBLEM_KEYS: Record<PassphraseProblem | 'mismatch', MessageKey> = {
  'too-short': 'lock.tooShort',
  'too-long': 'lock.tooLong',
  'duress-same': 'lock.duressSame',
  'duress-too-short': 'lock.duressTooShort',
  locked: 'lock.wrong',
  mismatch: 'lock.mismatch',
};

/** The app lock's part of Settings: set it, choose when it locks by itself, change the passphrase, turn it off. */
export function LockSettings() {
  const { t } = useT();
  const { lock } = useAppState();
  const on = lock.status !== 'off';
  return (
    <section aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lock.settingsTitle')}</h2>
      <p>{t('lock.settingsLead')}</p>
      {on && (
        <p>
          <strong>{t('lock.isOn')}</strong> {lock.hasDuress && t('lock.duressIsSet')}
        </p>
      )}
      {on && <AutoLockPicker />}
      <PassphraseForm mode={on ? 'change' : 'set'} />
      {on && <TurnOffForm />}
    </section>
  );
}

function AutoLockPicker() {
  const { t, plural } = useT();
  const store = useAppStore();
  const { lock } = useAppState();
  const choose = (choice: AutoLockChoice) =>
    void (async () => {
      await setAutoLock(store.vault, choice);
      await store.refreshLock();
      store.notify({ tone: 'success', message: t('lock.autoLockSaved') });
    })().catch(() => store.notify({ tone: 'error', message: t('common.saveFailed') }));
  return <AutoLockSelect value={lock.autoLock} onChange={choose} label={t('lock.autoLock')} describe={(minutes) => plural('lock.autoLockMinutes', minutes)} never={t('lock.autoLockNever')} />;
}

interface AutoLockSelectProps {
  readonly value: AutoLockChoice;
  readonly onChange: (choice: AutoLockChoice) => void;
  readonly label: string;
  readonly describe: (minutes: number) => string;
  readonly never: string;
}

function AutoLockSelect({ value, onChange, label, describe, never }: AutoLockSelectProps) {
  return (
    <div class="field">
      <label>
        {label}
        <select value={String(value)} onChange={(event) => onChange(parseAutoLockChoice(event.currentTarget.value === 'never' ? 'never' : Number(event.currentTarget.value)))}>
          {AUTO_LOCK_CHOICES.map((choice) => (
            <option key={choice} value={String(choice)}>
              {choice === 'never' ? never : describe(choice)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Setting the lock and changing the passphrase ask the same things. */
function PassphraseForm({ mode }: { readonly mode: 'set' | 'change' }) {
  const { t, plural } = useT();
  const store = useAppStore();
  const { lock } = useAppState();
  const { busy, run } = useBusy();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [withDuress, setWithDuress] = useState(false);
  const [duress, setDuress] = useState('');
  const [autoLock, setAutoLockChoice] = useState<AutoLockChoice>(lock.autoLock);
  const [problem, setProblem] = useState<PassphraseProblem | 'mismatch' | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (passphrase !== repeat) return setProblem('mismatch');
    void run(async () => {
      const result = await setLock(store.vault, { passphrase, duress: withDuress ? duress : null, autoLock: mode === 'set' ? autoLock : lock.autoLock }, store.deps);
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      setPassphrase('');
      setRepeat('');
      setDuress('');
      await store.refreshLock();
      store.notify({ tone: 'success', message: t(mode === 'set' ? 'lock.setDone' : 'lock.changeDone') });
    });
  };

  const passphraseProblem = problem === 'too-short' || problem === 'too-long' || problem === 'locked' ? t(PROBLEM_KEYS[problem]) : null;
  const duressProblem = problem === 'duress-same' || problem === 'duress-too-short' ? t(PROBLEM_KEYS[problem]) : null;
  const form = (
    <form onSubmit={submit} noValidate>
      <Field
        label={t('lock.newPassphrase')}
        type="password"
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        hint={t('lock.passphraseHint')}
        error={passphraseProblem}
      />
      <Field
        label={t('lock.repeat')}
        type="password"
        value={repeat}
        onInput={setRepeat}
        autoComplete="new-password"
        error={problem === 'mismatch' ? t('lock.mismatch') : null}
      />
      {mode === 'set' && (
        <AutoLockSelect
          value={autoLock}
          onChange={setAutoLockChoice}
          label={t('lock.autoLock')}
          describe={(minutes) => plural('lock.autoLockMinutes', minutes)}
          never={t('lock.autoLockNever')}
        />
      )}
      <label class="choice">
        <input type="checkbox" checked={withDuress} onChange={(event) => setWithDuress(event.currentTarget.checked)} /> <span>{t('lock.duressOffer')}</span>
      </label>
      {withDuress && (
        <Field label={t('lock.duress')} type="password" value={duress} onInput={setDuress} autoComplete="off" hint={t('lock.duressHint')} error={duressProblem} />
      )}
      <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? t('lock.setting') : mode === 'set' ? t('lock.set') : t('lock.change')}
      </button>
    </form>
  );
  if (mode === 'set') return form;
  return (
    <details>
      <summary>{t('lock.change')}</summary>
      {form}
    </details>
  );
}

function TurnOffForm() {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [current, setCurrent] = useState('');
  const [wrong, setWrong] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => {
      const result = await turnOffLock(store.vault, current, store.deps);
      if (!result.ok) return setWrong(true);
      setWrong(false);
      setCurrent('');
      await store.refreshLock();
      store.notify({ tone: 'info', message: t('lock.turnOffDone') });
    });
  };
  return (
    <details>
      <summary>{t('lock.turnOff')}</summary>
      <p>{t('lock.turnOffLead')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('lock.current')}
          type="password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          error={wrong ? t('lock.wrongCurrent') : null}
        />
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t('lock.turnOff')}
        </button>
      </form>
    </details>
  );
}
