import { useState } from 'preact/hooks';
import { agreementOf } from '../../app/agreement-view';
import { proposeVersion, signVersion } from '../../app/defense/agreement';
import type { ProposeProblem } from '../../app/defense/agreement';
import type { OpenCircle } from '../../app/open-circle';
import { agreementTemplate } from '../../domain/agreement-template';
import type { RecordId } from '../../domain/events';
import { AGREEMENT_LIMITS } from '../../records/kinds/agreement';
import { Page } from '../components/Page';
import { useBusy } from '../components/use-busy';
import { useAppState, useAppStore, useT } from '../shell/context';

/** The solidarity agreement: its current text, who signed it, signing, and proposing a new version. */
export function AgreementScreen() {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, snapshot } = useAppState();
  const { busy, run } = useBusy();
  if (circle === null || snapshot === null) return null;
  const agreement = agreementOf(snapshot);
  const members = snapshot.circle.members;
  const nameOf = (key: string) => members.get(key)?.name ?? key.slice(0, 8);
  const current = agreement.current;
  const mine = agreement.members.get(circle.membership.memberKey);
  const sign = (id: RecordId) =>
    void run(async () => {
      const result = await signVersion(circle, id, store.deps);
      store.notify(result.ok ? { tone: 'success', message: t('agreement.signedDone') } : { tone: 'error', message: t(`agreement.problem.${result.error}`) });
    });
  return (
    <Page title={t('agreement.title')}>
      <p>{t('agreement.lead')}</p>
      {current === null ? (
        <>
          <p>{t('agreement.none')}</p>
          <VersionEditor circle={circle} revises={null} initial={agreementTemplate(translator.locale)} />
        </>
      ) : (
        <>
          <p class="muted">{t('agreement.version', { date: translator.date(current.at), name: nameOf(current.author) })}</p>
          <div class="panel agreement-text">{current.text}</div>
          <p>{t('agreement.signedCount', { signed: agreement.counts.signedCurrent, members: agreement.counts.members })}</p>
          {mine?.standing === 'signed' ? (
            <p>{t('agreement.youSigned')}</p>
          ) : (
            <>
              {mine?.standing === 'sign-again' && <p role="status">{t('agreement.signAgain')}</p>}
              <button type="button" class="button button-primary" disabled={busy} onClick={() => sign(current.id)}>
                {t('agreement.sign')}
              </button>
            </>
          )}
          {agreement.concurrent.map((version) => (
            <details key={version.id} class="panel">
              <summary>{t('agreement.concurrent', { name: nameOf(version.author) })}</summary>
              <div class="agreement-text">{version.text}</div>
            </details>
          ))}
          <section aria-labelledby="signers-title">
            <h2 id="signers-title">{t('agreement.signers')}</h2>
            {current.signers.length === 0 ? (
              <p>{t('agreement.noSigners')}</p>
            ) : (
              <ul class="list">
                {current.signers.map((key) => (
                  <li key={key}>{nameOf(key)}</li>
                ))}
              </ul>
            )}
          </section>
          <details>
            <summary>{t('agreement.edit')}</summary>
            <VersionEditor circle={circle} revises={current.id} initial={current.text} merges={agreement.concurrent.map((version) => version.id)} />
          </details>
        </>
      )}
    </Page>
  );
}

interface VersionEditorProps {
  readonly circle: OpenCircle;
  readonly revises: RecordId | null;
  readonly initial: string;
  /** Versions written beside the revised one, taken in by the new text. */
  readonly merges?: readonly RecordId[];
}

function VersionEditor({ circle, revises, initial, merges = [] }: VersionEditorProps) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<ProposeProblem | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => {
      const result = await proposeVersion(circle, text, revises, store.deps, merges);
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      store.notify({ tone: 'success', message: t('agreement.proposed') });
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <div class="field">
        <label for="agreement-text">{t('agreement.text')}</label>
        <textarea
          id="agreement-text"
          rows={16}
          value={text}
          maxLength={AGREEMENT_LIMITS.textChars * 2}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-invalid={problem !== null ? true : undefined}
          aria-describedby={problem !== null ? 'agreement-problem' : undefined}
        />
        {problem !== null && (
          <p id="agreement-problem" class="error" role="alert">
            {t(`agreement.problem.${problem}`)}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
        {t('agreement.propose')}
      </button>
    </form>
  );
}
