import { useMemo } from 'preact/hooks';
import type { CircleView } from '../../app/circle-view';
import { matchesFor } from '../../domain/listings';
import type { Listing } from '../../domain/listings';
import { findSkill } from '../../domain/skills';
import { memberName } from '../circle/people';
import { Page } from '../components/Page';
import { formatHours, skillLabelOf } from '../components/format';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { boardAt, stateOf } from './board-model';
import { ListingCard, postedAgo } from './ListingCard';
import { useNow } from './use-now';
import { WithdrawPanel } from './WithdrawPanel';
import './board.css';

export function ListingDetail({ listingId }: { readonly listingId: string }) {
  const translator = useT();
  const { t } = translator;
  const { circle, view } = useAppState();
  const now = useNow();
  const board = useMemo(() => (view === null ? null : boardAt(view.postings, now)), [view?.postings, now]);
  if (circle === null || view === null || board === null) return null;
  const listing = view.postings.listings.find((l) => l.id === listingId);
  if (listing === undefined) return <MissingListing />;

  const state = stateOf(listing, view.postings, now);
  const mine = listing.author === circle.membership.memberKey;
  const skill = skillLabelOf(view.skills, listing.skill, t);
  const essential = findSkill(view.skills, listing.skill)?.essential === true;
  const poster = memberName(view.membership, listing.author, t);
  const isOffer = listing.side === 'offer';

  return (
    <Page title={t(isOffer ? 'board.offerTitle' : 'board.needTitle', { skill })}>
      <p class="listing-description">{listing.description}</p>
      {state === 'withdrawn' && <p class="panel listing-state">{t('board.withdrawnState')}</p>}
      {state === 'expired' && <p class="panel listing-state">{t('board.expiredState', { date: translator.date(listing.expiresAt) })}</p>}
      <h2>{t('board.details')}</h2>
      <dl class="facts">
        <dt>{t('board.skill')}</dt>
        <dd>
          {skill}
          {essential && <span class="tag-essential">{t('board.essential')}</span>}
        </dd>
        <dt>{t('board.postedBy')}</dt>
        <dd>{mine ? t('board.you') : <a href={hrefFor({ name: 'member', key: listing.author })}>{poster}</a>}</dd>
        <dt>{t('board.postedOn')}</dt>
        <dd>
          {translator.date(listing.postedAt)} ({postedAgo(listing, now, translator)})
        </dd>
        <dt>{t('board.estimateLabel')}</dt>
        <dd>{listing.quarters === null ? t('board.noEstimate') : formatHours(listing.quarters, translator)}</dd>
        <dt>{state === 'expired' ? t('board.expiredOn') : t('board.showsUntil')}</dt>
        <dd>{translator.dateTime(listing.expiresAt)}</dd>
      </dl>
      {state === 'active' && mine && (
        <>
          <p>{t('board.yours')}</p>
          <WithdrawPanel listingId={listing.id} />
        </>
      )}
      {state === 'active' && !mine && (
        <div class="actions-row respond">
          <p id="respond-hint" class="hint">
            {t(isOffer ? 'board.respondToOffer' : 'board.respondToNeed', { name: poster })}
          </p>
          <a class="button button-primary" aria-describedby="respond-hint" href={hrefFor({ name: 'exchange', role: isOffer ? 'receiver' : 'provider', listing: listing.id })}>
            {t('board.respond')}
          </a>
        </div>
      )}
      {state === 'active' && <Matches listing={listing} matches={matchesFor(listing, board)} view={view} me={circle.membership.memberKey} now={now} />}
      <p>
        <a class="button-quiet" href={hrefFor({ name: 'board' })}>
          {t('board.backToBoard')}
        </a>
      </p>
    </Page>
  );
}

interface MatchesProps {
  readonly listing: Listing;
  readonly matches: readonly Listing[];
  readonly view: CircleView;
  readonly me: string;
  readonly now: number;
}

function Matches({ listing, matches, view, me, now }: MatchesProps) {
  const { t } = useT();
  const isNeed = listing.side === 'need';
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title">{t(isNeed ? 'board.matchingOffers' : 'board.matchingNeeds')}</h2>
      {matches.length === 0 ? (
        <p class="board-none">{t(isNeed ? 'board.noMatchingOffers' : 'board.noMatchingNeeds')}</p>
      ) : (
        <ul class="listing-list">
          {matches.map((match) => (
            <ListingCard key={match.id} listing={match} view={view} me={me} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MissingListing() {
  const { t } = useT();
  return (
    <Page title={t('board.missingTitle')}>
      <p>{t('board.missingLead')}</p>
      <a class="button" href={hrefFor({ name: 'board' })}>
        {t('board.backToBoard')}
      </a>
    </Page>
  );
}
