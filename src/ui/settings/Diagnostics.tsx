import type { IgnoredReason } from '../../domain/circle';
import type { MessageKey } from '../../i18n/en';
import type { RecordProblem } from '../../records/validate';
import type { InvalidReason } from '../../domain/ledger';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';

const PROBLEM_KEYS: Record<RecordProblem, MessageKey> = {
  'too-large': 'diagnostics.tooLarge',
  malformed: 'diagnostics.malformed',
  'unsupported-version': 'diagnostics.unsupportedVersion',
  'unknown-kind': 'diagnostics.unknownKind',
  'invalid-fields': 'diagnostics.invalidFields',
  'wrong-circle': 'diagnostics.wrongCircle',
  'bad-signature': 'diagnostics.badSignature',
  'id-mismatch': 'diagnostics.idMismatch',
};

const REASON_KEYS: Record<IgnoredReason, MessageKey> = {
  'awaiting-history': 'diagnostics.awaitingHistory',
  'not-a-member-then': 'diagnostics.notMemberThen',
  'duplicate-founding': 'diagnostics.duplicateFounding',
  'already-a-member': 'diagnostics.alreadyMember',
};

const EXCHANGE_KEYS: Record<InvalidReason, MessageKey> = {
  'self-exchange': 'diagnostics.exchangeSelf',
  'bad-quarters': 'diagnostics.exchangeHours',
  'bad-seats': 'diagnostics.exchangeSeats',
  'group-not-provider': 'diagnostics.exchangeSeats',
  'draft-author-unknown': 'diagnostics.awaitingHistory',
  'countersigner-unknown': 'diagnostics.awaitingHistory',
  'draft-author-not-member-then': 'diagnostics.notMemberThen',
  'countersigner-not-member-then': 'diagnostics.notMemberThen',
  repeated: 'diagnostics.exchangeRepeated',
};

/**
 * Records this phone holds but does not count, and why. Nothing here is an
 * error the member must fix; it shows that the app noticed and kept going.
 */
export function Diagnostics() {
  const translator = useT();
  const { t } = translator;
  const { snapshot, view } = useAppState();
  if (snapshot === null) {
    return (
      <Page title={t('diagnostics.title')}>
        <p>{t('diagnostics.noCircle')}</p>
      </Page>
    );
  }
  const { rejected, circle, restoredCount, recordCount } = snapshot;
  return (
    <Page title={t('diagnostics.title')}>
      <p>{t('diagnostics.lead')}</p>
      <dl class="facts">
        <dt>{t('diagnostics.valid')}</dt>
        <dd data-testid="valid-count">{recordCount}</dd>
        <dt>{t('diagnostics.restored')}</dt>
        <dd data-testid="restored-count">{restoredCount}</dd>
      </dl>
      <h2>{t('diagnostics.rejectedTitle')}</h2>
      {rejected.length === 0 ? (
        <p>{t('diagnostics.none')}</p>
      ) : (
        <ul class="list" data-testid="rejected-list">
          {rejected.map((entry) => (
            <li key={entry.id}>
              <code class="record-id">{entry.id.slice(0, 12)}</code> {t(PROBLEM_KEYS[entry.problem])}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('diagnostics.ignoredTitle')}</h2>
      {circle.ignored.length === 0 ? (
        <p>{t('diagnostics.none')}</p>
      ) : (
        <ul class="list" data-testid="ignored-list">
          {circle.ignored.map((event) => (
            <li key={event.id}>
              <code class="record-id">{event.id.slice(0, 12)}</code> {translator.dateTime(event.at)}: {t(REASON_KEYS[event.reason])}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('diagnostics.exchangesTitle')}</h2>
      {view === null || view.ledger.invalid.length === 0 ? (
        <p>{t('diagnostics.none')}</p>
      ) : (
        <ul class="list" data-testid="invalid-exchanges">
          {view.ledger.invalid.map((entry) => (
            <li key={entry.id}>
              <code class="record-id">{entry.id.slice(0, 12)}</code> {translator.dateTime(entry.at)}: {t(EXCHANGE_KEYS[entry.reason])}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
