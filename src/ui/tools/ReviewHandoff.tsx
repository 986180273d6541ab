import { useState } from 'preact/hooks';
import { checkHandoffInput, confirmHandoff, reviewHandoffCode } from '../../app/handoff';
import type { HandoffReview } from '../../app/handoff';
import type { MemberKey } from '../../domain/events';
import type { CustodyRole, ToolCondition } from '../../domain/tool-events';
import { ChoiceGroup } from '../board/ChoiceGroup';
import { AccessoryChecklist, allPresent } from './AccessoryChecklist';
import { AreaSelect } from './AreaSelect';
import { memberName } from '../circle/people';
import { useAppState, useAppStore, useT } from '../shell/context';
import { handoffProblemKey } from './problems';
import { conditionKey, roleKey } from './tool-format';
import { useToolsView } from './use-tools';

const CONDITIONS: readonly ToolCondition[] = ['good', 'worn', 'damaged'];
const ROLES: readonly CustodyRole[] = ['loan', 'host'];

export interface ReviewHandoffProps {
  /** The scanned text, checked again just before signing. */
  readonly code: string;
  readonly review: HandoffReview;
  readonly onConfirmed: (receiptCode: string, holder: MemberKey) => void;
}

/** The receiver ticks what came with the tool and its condition, then countersigns. */
export function ReviewHandoff({ code, review, onConfirmed }: ReviewHandoffProps) {
  const { t } = useT();
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const tool = review.tool;
  const [present, setPresent] = useState(() => allPresent(tool.accessories));
  const [condition, setCondition] = useState<ToolCondition>('good');
  const [role, setRole] = useState<CustodyRole>(review.loanLimitReached ? 'host' : 'loan');
  const [area, setArea] = useState<string | null>(tool.area);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (circle === null || view === null || tools === null) return null;

  const missingSomething = tool.accessories.some((_, index) => (present & (1 << index)) === 0);
  const flagged = missingSomething || condition === 'damaged';

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      // A sync may have moved the tool since the scan.
      const fresh = reviewHandoffCode(code, { circle, view, tools, now: store.deps.now() });
      if (!fresh.ok) {
        setProblem(t(handoffProblemKey(fresh.error)));
        return;
      }
      const input = { role, present, condition, area, note };
      const inputProblem = checkHandoffInput(input, fresh.value, tools);
      if (inputProblem !== null) {
        setProblem(t(handoffProblemKey(inputProblem)));
        return;
      }
      const confirmed = await confirmHandoff(circle, fresh.value, input, store.deps);
      onConfirmed(confirmed.receiptCode, fresh.value.offer.holder);
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="tool-review"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <h3>{t('tools.receive.review')}</h3>
      <p>{t('tools.receive.from', { name: memberName(view.membership, review.offer.holder, t), tool: tool.name })}</p>
      <AccessoryChecklist items={tool.accessories} present={present} onChange={setPresent} />
      <ChoiceGroup legend={t('tools.receive.condition')} value={condition} onChange={setCondition} choices={CONDITIONS.map((value) => ({ value, label: t(conditionKey(value)) }))} />
      <ChoiceGroup legend={t('tools.receive.role')} value={role} onChange={setRole} choices={ROLES.map((value) => ({ value, label: t(roleKey(value)) }))} />
      {review.loanLimitReached && <p class="hint">{t('tools.receive.limit', { max: tools.state.rules.maxHeld })}</p>}
      <AreaSelect label={t('tools.receive.area')} tools={tools.state} value={area} onChange={setArea} />
      <label class="field">
        <span>{t('tools.receive.note')}</span>
        <input type="text" value={note} maxLength={140} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {flagged && (
        <p class="notice notice-warning" role="status">
          {t('tools.receive.flagged')}
        </p>
      )}
      {problem !== null && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('tools.receive.confirm')}
      </button>
    </form>
  );
}
