import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuestPairing, HostPairing } from '../../sync/pairing';
import { ScanCode, ShowCode } from '../components/codes';
import { useAppState, useT } from '../shell/context';

type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'preparing' }
  | { readonly name: 'offering'; readonly offer: string; readonly scanning: boolean }
  | { readonly name: 'scanning-offer' }
  | { readonly name: 'answering'; readonly answer: string }
  | { readonly name: 'connecting' }
  | { readonly name: 'connected' }
  | { readonly name: 'failed' };

/**
 * A gathering on a room's Wi-Fi or a phone's hotspot with no internet: the
 * host and each guest pair by showing each other a code; the links stay open
 * and the host relays, so everyone connected converges.
 */
export function GatheringSection() {
  const { t } = useT();
  const { sync } = useAppState();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const pairing = useRef<HostPairing | GuestPairing | null>(null);
  // Leaving the screen stops a pairing that has not opened; open links stay with the sync manager.
  useEffect(() => () => pairing.current?.cancel(), []);
  if (sync === null) return null;

  const whenOpen = (current: HostPairing | GuestPairing): void => {
    current.channel().then(
      (channel) => {
        sync.connect(channel, 'gathering', t('sync.carrier.gathering'));
        pairing.current = null;
        setStep({ name: 'connected' });
      },
      () => {
        if (pairing.current === current) setStep({ name: 'failed' });
      },
    );
  };

  const host = async (): Promise<void> => {
    pairing.current?.cancel();
    setStep({ name: 'preparing' });
    const { startPairing } = await import('../../sync/pairing');
    const current = startPairing('host');
    pairing.current = current;
    const offer = await current.offerCode();
    if (pairing.current !== current) return;
    if (!offer.ok) return setStep({ name: 'failed' });
    setStep({ name: 'offering', offer: offer.value, scanning: false });
    whenOpen(current);
  };

  const onAnswer = async (text: string): Promise<string | null> => {
    const current = pairing.current;
    if (current === null || current.role !== 'host') return t('sync.gathering.badCode');
    const accepted = await current.acceptAnswer(text);
    if (!accepted.ok) return t('sync.gathering.badCode');
    setStep({ name: 'connecting' });
    return null;
  };

  const join = async (): Promise<void> => {
    pairing.current?.cancel();
    const { startPairing } = await import('../../sync/pairing');
    pairing.current = startPairing('guest');
    setStep({ name: 'scanning-offer' });
  };

  const onOffer = async (text: string): Promise<string | null> => {
    const current = pairing.current;
    if (current === null || current.role !== 'guest') return t('sync.gathering.badCode');
    const answer = await current.acceptOffer(text);
    if (!answer.ok) return t('sync.gathering.badCode');
    setStep({ name: 'answering', answer: answer.value });
    whenOpen(current);
    return null;
  };

  const stop = (): void => {
    pairing.current?.cancel();
    pairing.current = null;
    setStep({ name: 'idle' });
  };

  return (
    <section aria-labelledby="sync-gathering-title">
      <h2 id="sync-gathering-title">{t('sync.gathering.title')}</h2>
      <p>{t('sync.gathering.lead')}</p>
      {(step.name === 'idle' || step.name === 'connected' || step.name === 'failed') && (
        <>
          {step.name === 'connected' && <p role="status">{t('sync.gathering.connected')}</p>}
          {step.name === 'failed' && <p role="alert">{t('sync.gathering.failed')}</p>}
          <div class="actions-column">
            <button type="button" class="button" onClick={() => void host()}>
              {step.name === 'connected' ? t('sync.gathering.another') : t('sync.gathering.host')}
            </button>
            <button type="button" class="button" onClick={() => void join()}>
              {t('sync.gathering.join')}
            </button>
          </div>
        </>
      )}
      {step.name === 'preparing' && <p aria-busy="true">{t('sync.gathering.preparing')}</p>}
      {step.name === 'offering' && (
        <>
          <p>{t('sync.gathering.showOffer')}</p>
          <ShowCode text={step.offer} label={t('sync.gathering.offerLabel')} />
          {step.scanning ? (
            <ScanCode onCode={onAnswer} />
          ) : (
            <button type="button" class="button button-primary" onClick={() => setStep({ ...step, scanning: true })}>
              {t('sync.gathering.scanAnswer')}
            </button>
          )}
        </>
      )}
      {step.name === 'scanning-offer' && (
        <>
          <p>{t('sync.gathering.scanOffer')}</p>
          <ScanCode onCode={onOffer} />
        </>
      )}
      {step.name === 'answering' && (
        <>
          <p>{t('sync.gathering.showAnswer')}</p>
          <ShowCode text={step.answer} label={t('sync.gathering.answerLabel')} />
        </>
      )}
      {step.name === 'connecting' && <p aria-busy="true">{t('sync.gathering.waiting')}</p>}
      {step.name !== 'idle' && step.name !== 'connected' && step.name !== 'failed' && (
        <button type="button" class="button" onClick={stop}>
          {t('sync.gathering.cancel')}
        </button>
      )}
    </section>
  );
}
