import type { CircleView } from '../../app/circle-view';
import type { Listing } from '../../domain/listings';
import { findSkill } from '../../domain/skills';
import type { Translator } from '../../i18n/i18n';
import { memberName } from '../circle/people';
import { formatHours, skillLabelOf } from '../components/format';
import { useT } from '../shell/context';
import { hrefFor } from '../shell/router';

export interface ListingCardProps {
  readonly listing: Listing;
  readonly view: CircleView;
  /** This phone's member, whose own listings read "By you". */
  readonly me: string;
  readonly now: number;
  /** How many listings on the other side match it; absent where the count would not help. */
  readonly matches?: number;
}

/** One offer or need in a list: the description links to its page. */
export function ListingCard({ listing, view, me, now, matches }: ListingCardProps) {
  const translator = useT();
  const { t } = translator;
  const essential = findSkill(view.skills, listing.skill)?.essential === true;
  const mine = listing.author === me;
  return (
    <li class="listing-card">
      <p class="listing-skill">
        <span>{skillLabelOf(view.skills, listing.skill, t)}</span>
        {essential && <span class="tag-essential">{t('board.essential')}</span>}
      </p>
      <a class="listing-link" href={hrefFor({ name: 'listing', id: listing.id })}>
        {listing.description}
      </a>
      <p class="listing-meta">
        <span>{mine ? t('board.byYou') : t('board.by', { name: memberName(view.membership, listing.author, t) })}</span>
        {listing.quarters !== null && <span>{t('board.estimate', { hours: formatHours(listing.quarters, translator) })}</span>}
        <span>{t('board.postedWhen', { when: postedAgo(listing, now, translator) })}</span>
        <span>{t('board.until', { date: translator.date(listing.expiresAt) })}</span>
      </p>
      {matches !== undefined && (
        <p class={matches === 0 ? 'listing-matches listing-matches-none' : 'listing-matches'}>{matchText(listing, matches, translator)}</p>
      )}
    </li>
  );
}

/** Another phone's clock may run ahead of this one: a listing is never "posted in 2 minutes". */
export function postedAgo(listing: Listing, now: number, translator: Translator): string {
  return translator.relative(Math.min(listing.postedAt, now), now);
}

function matchText(listing: Listing, count: number, translator: Translator): string {
  if (listing.side === 'need') return count === 0 ? translator.t('board.noOffersMatch') : translator.plural('board.offersMatch', count);
  return count === 0 ? translator.t('board.noNeedsMatch') : translator.plural('board.needsMatch', count);
}
