import { useId, useState } from 'preact/hooks';
import { exportEverything } from '../../app/offline-sync';
import { exportFileName, SEALED_FILE_EXTENSION } from '../../sync/sealed-file';
import { useAppState, useAppStore, useT } from '../shell/context';
import { problemKey } from './problems';
import { offerSyncFile, readSyncFile } from './share-file';

/** The whole circle as a sealed file, out and in: for Bluetooth, USB sticks and messengers. */
export function FileSection() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, sync } = useAppState();
  const inputId = useId();
  const [message, setMessage] = useState<string | null>(null);
  if (circle === null || sync === null) return null;

  const save = async (): Promise<void> => {
    const file = exportEverything(circle, store.deps);
    if (!file.ok) return setMessage(t(problemKey(file.error)));
    const outcome = await offerSyncFile(file.value, exportFileName(circle.membership.circleName, new Date()));
    if (outcome !== 'cancelled') setMessage(t(outcome === 'shared' ? 'sync.file.shared' : 'sync.file.saved'));
  };

  const open = async (input: HTMLInputElement): Promise<void> => {
    const chosen = input.files?.[0];
    input.value = '';
    if (chosen === undefined) return;
    const bytes = await readSyncFile(chosen);
    if (!bytes.ok) return setMessage(t(problemKey(bytes.error)));
    const received = await sync.receive(bytes.value, 'file');
    setMessage(received.ok ? t('sync.file.received', { count: received.value.newEntries }) : t(problemKey(received.error)));
  };

  return (
    <section aria-labelledby="sync-file-title">
      <h2 id="sync-file-title">{t('sync.file.title')}</h2>
      <p>{t('sync.file.lead')}</p>
      <div class="actions-row">
        <button type="button" class="button" onClick={() => void save()}>
          {t('sync.file.save')}
        </button>
        <input
          id={inputId}
          class="visually-hidden"
          type="file"
          accept={`${SEALED_FILE_EXTENSION},application/octet-stream`}
          onChange={(event) => void open(event.currentTarget)}
          data-testid="sync-file-input"
        />
        <label class="button" for={inputId}>
          {t('sync.file.open')}
        </label>
      </div>
      {message !== null && (
        <p role="status" data-testid="sync-file-message">
          {message}
        </p>
      )}
    </section>
  );
}
