import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { postListing } from '../../app/board';
import type { ListingProblem } from '../../app/board';
import type { ListingSide, SkillRef } from '../../domain/events';
import { MAX_QUARTERS } from '../../records/kinds/exchange';
import { MAX_DESCRIPTION_CHARS } from '../../records/kinds/listing';
import { Page } from '../components/Page';
import { formatHours, skillLabel } from '../components/format';
import { useAppState, useAppStore, useT } from '../shell/context';
import { navigate } from '../shell/router';
import { EXPIRY_CHOICES, descriptionLength, expiryFor, quarterChoices } from './board-model';
import type { ExpiryChoice } from './board-model';
import { boardChoice } from './board-memory';
import { ChoiceGroup } from './ChoiceGroup';
import { DescriptionField } from './DescriptionField';
import { listingProblemKey } from './problems';
import { useNow } from './use-now';
import './board.css';

const EXPIRY_KEYS = {
  cycle: 'board.expiryCycle',
  week: 'board.expiryWeek',
  'two-weeks': 'board.expiryTwoWeeks',
  month: 'board.expiryMonth',
} as const;

export function PostListing({ side: initialSide }: { readonly side: ListingSide | null }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const now = useNow();
  const [side, setSide] = useState<ListingSide>(initialSide ?? 'offer');
  const [skill, setSkill] = useState<SkillRef>('');
  const [description, setDescription] = useState('');
  const [quarters, setQuarters] = useState<number | null>(null);
  const [expiry, setExpiry] = useState<ExpiryChoice>('cycle');
  const [problem, setProblem] = useState<ListingProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const skillId = useId();
  const hoursId = useId();
  const skillRef = useRef<HTMLSelectElement>(null);
  const hoursRef = useRef<HTMLSelectElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  // Focus goes to the first field refused, so its message is heard with it.
  useEffect(() => {
    if (problem === null) return;
    const target = { description: descriptionRef, skill: skillRef, quarters: hoursRef, expiresAt: null }[problem.field];
    target?.current?.focus();
  }, [problem]);

  if (circle === null || view === null) return null;
  const rule = view.settings.current.resetRule;
  const errorOf = (field: ListingProblem['field']): string | null =>
    problem?.field === field ? t(listingProblemKey(problem), { max: MAX_DESCRIPTION_CHARS }) : null;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      // The clock is read again now: the form may have stayed open a while.
      const expiresAt = expiryFor(expiry, store.deps.now(), rule);
      const result = await postListing(circle, view, { side, skill, description, quarters, expiresAt }, store.deps);
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      boardChoice.side = side;
      store.notify({ tone: 'success', message: t('board.posted') });
      navigate({ name: 'listing', id: result.value });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  const title = initialSide === null ? t('board.postTitle') : t(initialSide === 'offer' ? 'board.postTitleOffer' : 'board.postTitleNeed');
  const skillError = errorOf('skill');
  const hoursError = errorOf('quarters');
  const expiryError = errorOf('expiresAt');
  return (
    <Page title={title}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          legend={t('board.side')}
          value={side}
          onChange={setSide}
          choices={[
            { value: 'offer', label: t('board.sideOffer') },
            { value: 'need', label: t('board.sideNeed') },
          ]}
        />
        <div class="field">
          <label for={skillId}>{t('board.skill')}</label>
          <select
            id={skillId}
            ref={skillRef}
            value={skill}
            onChange={(event) => setSkill(event.currentTarget.value)}
            aria-invalid={skillError !== null ? true : undefined}
            aria-describedby={skillError !== null ? `${skillId}-error` : undefined}
          >
            <option value="">{t('board.chooseSkill')}</option>
            {view.skills.skills.map((s) => (
              <option key={s.ref} value={s.ref}>
                {s.essential ? `${skillLabel(s, t)} · ${t('board.essential')}` : skillLabel(s, t)}
              </option>
            ))}
          </select>
          <FieldError id={`${skillId}-error`} message={skillError} />
        </div>
        <DescriptionField
          inputRef={descriptionRef}
          label={t('board.description')}
          hint={t('board.descriptionHint')}
          counter={t('board.counter', { count: descriptionLength(description), max: MAX_DESCRIPTION_CHARS })}
          over={descriptionLength(description) > MAX_DESCRIPTION_CHARS}
          value={description}
          onInput={setDescription}
          maxLength={MAX_DESCRIPTION_CHARS * 2}
          error={errorOf('description')}
        />
        <div class="field">
          <label for={hoursId}>{t('board.hours')}</label>
          <select
            id={hoursId}
            ref={hoursRef}
            value={quarters === null ? '' : String(quarters)}
            onChange={(event) => setQuarters(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}
            aria-invalid={hoursError !== null ? true : undefined}
            aria-describedby={hoursError !== null ? `${hoursId}-error` : undefined}
          >
            <option value="">{t('board.noEstimate')}</option>
            {quarterChoices(MAX_QUARTERS).map((q) => (
              <option key={q} value={String(q)}>
                {formatHours(q, translator)}
              </option>
            ))}
          </select>
          <FieldError id={`${hoursId}-error`} message={hoursError} />
        </div>
        <ChoiceGroup
          legend={t('board.expiry')}
          value={expiry}
          onChange={setExpiry}
          choices={EXPIRY_CHOICES.map((choice) => ({
            value: choice,
            label: t(EXPIRY_KEYS[choice], { date: translator.date(expiryFor(choice, now, rule)) }),
          }))}
        />
        <FieldError id="expiry-error" message={expiryError} />
        <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('common.saving') : t(side === 'offer' ? 'board.submitOffer' : 'board.submitNeed')}
        </button>
      </form>
    </Page>
  );
}

function FieldError({ id, message }: { readonly id: string; readonly message: string | null }) {
  if (message === null) return null;
  return (
    <p id={id} class="error" role="alert">
      {message}
    </p>
  );
}
