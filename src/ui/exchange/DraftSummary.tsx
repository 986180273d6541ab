import type { CircleView } from '../../app/circle-view';
import type { DraftReview } from '../../app/exchange';
import { formatHours, skillLabelOf } from '../components/format';
import { memberName } from '../circle/people';
import { useT } from '../shell/context';

/** What a scanned draft says, in this member's language, from this member's side. */
export function DraftSummary({ review, view, headingId }: { readonly review: DraftReview; readonly view: CircleView; readonly headingId: string }) {
  const translator = useT();
  const { t } = translator;
  const { draft } = review;
  const name = memberName(view.membership, draft.author, t);
  return (
    <>
      <h2 id={headingId} data-testid="review-summary">
        {draft.role === 'provider' ? t('exchange.review.theyHelpedYou', { name }) : t('exchange.review.youHelpedThem', { name })}
      </h2>
      <dl class="facts">
        <dt>{t('exchange.review.hours')}</dt>
        <dd data-testid="review-hours">{formatHours(draft.quarters, translator)}</dd>
        <dt>{t('exchange.review.skill')}</dt>
        <dd>{skillLabelOf(view.skills, draft.skill, t)}</dd>
        {draft.note !== '' && (
          <>
            <dt>{t('exchange.review.note')}</dt>
            <dd>{draft.note}</dd>
          </>
        )}
        <dt>{t('exchange.review.when')}</dt>
        <dd>{translator.dateTime(draft.at)}</dd>
        {draft.seats > 1 && (
          <>
            <dt>{t('exchange.review.group')}</dt>
            <dd>{t('exchange.review.groupValue', { seats: draft.seats })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
