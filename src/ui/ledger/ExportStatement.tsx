import type { StatementLine } from '../../domain/ledger';
import { statementCsv } from '../../domain/statement-csv';
import { memberName } from '../circle/people';
import { skillLabelOf } from '../components/format';
import { useAppState, useAppStore, useT } from '../shell/context';
import { statementFileName } from './ledger-format';

const CSV_TYPE = 'text/csv;charset=utf-8';

/** Downloads the statement as CSV; where the phone can share files, sharing is offered as well. */
export function ExportStatement({ lines, now }: { readonly lines: readonly StatementLine[]; readonly now: number }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { view } = useAppState();
  if (view === null) return null;

  const makeFile = (): File => {
    const csv = statementCsv(lines, {
      member: (key) => memberName(view.membership, key, t),
      skill: (ref) => skillLabelOf(view.skills, ref, t),
    });
    // A byte-order mark so that spreadsheets read accented names as UTF-8.
    return new File(['\uFEFF', csv], statementFileName(now), { type: CSV_TYPE });
  };

  const download = (): void => {
    const file = makeFile();
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    store.notify({ tone: 'success', message: t('ledger.statement.exported', { file: file.name }) });
  };

  const share = async (): Promise<void> => {
    try {
      await navigator.share({ files: [makeFile()] });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) download();
    }
  };

  const canShareFiles = typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([''], 'x.csv', { type: CSV_TYPE })] });

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('ledger.statement.exportTitle')}</h2>
      <p class="muted">{t('ledger.statement.exportHint')}</p>
      <div class="actions-row">
        <button type="button" class="button" onClick={download}>
          {t('ledger.statement.export')}
        </button>
        {canShareFiles && (
          <button type="button" class="button" onClick={() => void share()}>
            {t('ledger.statement.share')}
          </button>
        )}
      </div>
    </section>
  );
}
