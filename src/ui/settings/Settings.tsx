import { useState } from 'preact/hooks';
import { changeDisplayName, leaveCircle } from '../../app/circles';
import { MAX_DISPLAY_NAME } from '../../domain/names';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { nameProblemKey } from '../shell/problems';
import { hrefFor, navigate } from '../shell/router';
import { InstallPanel } from './InstallPanel';
import { LanguagePicker } from './LanguagePicker';
import { lazyScreen } from '../shell/lazy';

const LockSettings = lazyScreen(() => import('../lock/LockSettings').then((m) => m.LockSettings), { area: 'lock', quiet: true });

export function Settings() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, snapshot, memberships } = useAppState();
  const me = circle !== null ? snapshot?.circle.members.get(circle.membership.memberKey) : undefined;
  const [name, setName] = useState(me?.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);

  const saveName = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (circle === null) return;
    try {
      const result = await changeDisplayName(circle, name, store.deps);
      if (!result.ok) {
        setNameError(t(nameProblemKey(result.error), { max: MAX_DISPLAY_NAME }));
        return;
      }
      setNameError(null);
      store.notify({ tone: 'success', message: t('settings.nameSaved', { name: result.value }) });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    }
  };

  const leave = async (): Promise<void> => {
    if (circle === null) return;
    const wasDemo = circle.membership.isDemo;
    await store.show(null);
    await leaveCircle(store.vault, circle, store.deps);
    const remaining = await store.vault.memberships();
    if (remaining[0] !== undefined) await store.switchTo(remaining[0].circleId);
    else store.set({ memberships: remaining });
    store.notify({ tone: 'info', message: wasDemo ? t('settings.demoLeft') : t('settings.circleLeft') });
    navigate({ name: remaining.length > 0 ? 'home' : 'start' });
  };

  return (
    <Page title={t('settings.title')}>
      {circle !== null && (
        <section aria-labelledby="profile-title">
          <h2 id="profile-title">{t('settings.profile')}</h2>
          <form onSubmit={(event) => void saveName(event)} noValidate>
            <Field label={t('settings.displayName')} value={name} onInput={setName} maxLength={MAX_DISPLAY_NAME * 2} error={nameError} />
            <button type="submit" class="button button-primary">
              {t('settings.saveName')}
            </button>
          </form>
          <p>
            <a href={hrefFor({ name: 'circle-settings' })}>{t('ledger.settings.link')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.languageTitle')}</h2>
        <LanguagePicker />
      </section>
      <section aria-labelledby="circles-title">
        <h2 id="circles-title">{t('settings.circles')}</h2>
        <ul class="list">
          {memberships.map((m) => (
            <li key={m.circleId}>
              {m.circleName || t('home.unnamedCircle')}
              {m.isDemo && ` (${t('settings.demoTag')})`}{' '}
              {circle?.membership.circleId === m.circleId ? (
                <span class="muted">{t('settings.open')}</span>
              ) : (
                <button type="button" class="button-quiet" onClick={() => void store.switchTo(m.circleId).then(() => navigate({ name: 'home' }))}>
                  {t('settings.switchTo', { name: m.circleName || t('home.unnamedCircle') })}
                </button>
              )}
            </li>
          ))}
        </ul>
        <div class="actions-row">
          <a class="button" href={hrefFor({ name: 'create' })}>
            {t('start.create')}
          </a>
          <a class="button" href={hrefFor({ name: 'join' })}>
            {t('start.join')}
          </a>
        </div>
        {circle !== null && (
          <div class="danger-zone">
            {!confirmLeave ? (
              <button type="button" class="button" onClick={() => setConfirmLeave(true)}>
                {circle.membership.isDemo ? t('settings.leaveDemo') : t('settings.leaveCircle')}
              </button>
            ) : (
              <div role="group" aria-labelledby="leave-confirm">
                <p id="leave-confirm">{circle.membership.isDemo ? t('settings.leaveDemoConfirm') : t('settings.leaveCircleConfirm')}</p>
                <div class="actions-row">
                  <button type="button" class="button button-danger" onClick={() => void leave()}>
                    {t('settings.leaveYes')}
                  </button>
                  <button type="button" class="button" onClick={() => setConfirmLeave(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
          </div>
        )}
      </section>
      <LockSettings />
      <InstallPanel />
      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.about')}</h2>
        <p>
          <a href={hrefFor({ name: 'diagnostics' })}>{t('diagnostics.title')}</a>
        </p>
        <p class="muted">{t('settings.version', { version: __APP_VERSION__ })}</p>
      </section>
    </Page>
  );
}
