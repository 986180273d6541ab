import { useMemo, useState } from 'preact/hooks';
import { whatIHave, whatTheyLack } from '../../app/offline-sync';
import { animatedFrames } from '../../sync/animated';
import { useAppState, useAppStore, useT } from '../shell/context';
import { AnimatedCode } from './AnimatedCode';
import { AnimatedScanner } from './AnimatedScanner';
import { problemKey } from './problems';

type Step =
  | { readonly name: 'idle' }
  /** This phone started: it shows what it has, then scans the answer. */
  | { readonly name: 'showing' }
  | { readonly name: 'scanning-answer' }
  /** This phone answers: it scans the other's code, then shows what that phone lacks. */
  | { readonly name: 'scanning-start' }
  | { readonly name: 'answering'; readonly payload: Uint8Array };

/** Two phones with no network, facing each other: moving codes carry what each lacks. */
export function CodesSection() {
  const { t } = useT();
  const store = useAppStore();
  const { circle } = useAppState();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [message, setMessage] = useState<string | null>(null);
  if (circle === null) return null;

  const fail = (key: Parameters<typeof problemKey>[0]): void => {
    setMessage(t(problemKey(key)));
    setStep({ name: 'idle' });
  };

  const onStartScanned = (theirs: Uint8Array): void => {
    const answer = whatTheyLack(circle, theirs, store.deps);
    if (!answer.ok) return fail(answer.error);
    setMessage(null);
    setStep({ name: 'answering', payload: answer.value });
  };

  const onAnswerScanned = async (sealed: Uint8Array): Promise<void> => {
    const sync = store.get().sync;
    if (sync === null) return;
    const received = await sync.receive(sealed, 'code');
    if (!received.ok) return fail(received.error);
    setMessage(t('sync.codes.received', { count: received.value.newEntries }));
    setStep({ name: 'idle' });
  };

  return (
    <section aria-labelledby="sync-codes-title">
      <h2 id="sync-codes-title">{t('sync.codes.title')}</h2>
      <p>{t('sync.codes.lead')}</p>
      {message !== null && (
        <p role="status" class="panel" data-testid="sync-codes-message">
          {message}
        </p>
      )}
      {step.name === 'idle' && (
        <div class="actions-column">
          <button type="button" class="button" onClick={() => setStep({ name: 'showing' })}>
            {t('sync.codes.start')}
          </button>
          <button type="button" class="button" onClick={() => setStep({ name: 'scanning-start' })}>
            {t('sync.codes.answer')}
          </button>
        </div>
      )}
      {step.name === 'showing' && (
        <>
          <p>{t('sync.codes.showing')}</p>
          <MovingCode payload={whatIHave(circle)} />
          <div class="actions-row">
            <button type="button" class="button button-primary" onClick={() => setStep({ name: 'scanning-answer' })}>
              {t('sync.codes.scanAnswer')}
            </button>
            <button type="button" class="button" onClick={() => setStep({ name: 'idle' })}>
              {t('sync.codes.cancel')}
            </button>
          </div>
        </>
      )}
      {(step.name === 'scanning-start' || step.name === 'scanning-answer') && (
        <>
          <MovingScanner
            onComplete={(payload) => (step.name === 'scanning-start' ? onStartScanned(payload) : void onAnswerScanned(payload))}
            onOtherTransfer={() => setMessage(t('sync.codes.otherTransfer'))}
          />
          <button type="button" class="button" onClick={() => setStep({ name: 'idle' })}>
            {t('sync.codes.cancel')}
          </button>
        </>
      )}
      {step.name === 'answering' && (
        <>
          <p>{t('sync.codes.answering')}</p>
          <MovingCode payload={step.payload} />
          <button type="button" class="button button-primary" onClick={() => setStep({ name: 'idle' })}>
            {t('sync.codes.done')}
          </button>
        </>
      )}
    </section>
  );
}

function MovingCode({ payload }: { readonly payload: Uint8Array }) {
  const { t } = useT();
  const store = useAppStore();
  const frames = useMemo(() => animatedFrames(payload, { random: store.deps.random }), [payload, store]);
  if (!frames.ok) return <p role="alert">{t(problemKey('too-large'))}</p>;
  return <AnimatedCode frames={frames.value} labels={{ image: t('sync.codes.image'), pause: t('sync.codes.pause'), resume: t('sync.codes.resume') }} />;
}

function MovingScanner({ onComplete, onOtherTransfer }: { readonly onComplete: (payload: Uint8Array) => void; readonly onOtherTransfer: () => void }) {
  const { t } = useT();
  return (
    <AnimatedScanner
      onComplete={onComplete}
      onOtherTransfer={onOtherTransfer}
      progressText={(progress) => t('sync.codes.progressText', { percent: progress.total === 0 ? 0 : Math.round((100 * progress.recovered) / progress.total) })}
      labels={{
        video: t('scan.video'),
        starting: t('scan.starting'),
        scanning: t('sync.codes.scanning'),
        complete: t('scan.accepted'),
        progress: t('sync.codes.progress'),
        denied: t('scan.denied'),
        noCamera: t('scan.noCamera'),
        insecureContext: t('scan.insecureContext'),
        cameraUnavailable: t('scan.cameraUnavailable'),
      }}
    />
  );
}
