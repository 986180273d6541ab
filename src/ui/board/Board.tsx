import { useId, useMemo, useState } from 'preact/hooks';
import type { ListingSide, SkillRef } from '../../domain/events';
import { isKnownSkill } from '../../domain/skills';
import type { Translator } from '../../i18n/i18n';
import { Page } from '../components/Page';
import { skillLabel, skillLabelOf } from '../components/format';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { boardAt, filterBoard, listingsOn, matchCounts } from './board-model';
import { boardChoice } from './board-memory';
import { ListingCard } from './ListingCard';
import { SideTabs } from './SideTabs';
import { useNow } from './use-now';
import './board.css';

export function Board() {
  const translator = useT();
  const { t } = translator;
  const { view, circle } = useAppState();
  const now = useNow();
  const [side, setSide] = useState(boardChoice.side);
  const [chosenSkill, setSkill] = useState(boardChoice.skill);
  const filterId = useId();
  const board = useMemo(() => (view === null ? null : boardAt(view.postings, now)), [view?.postings, now]);
  const counts = useMemo(() => (board === null ? null : matchCounts(board)), [board]);
  if (view === null || circle === null || board === null || counts === null) return null;

  // A skill chosen in another circle means nothing in this one.
  const skill = chosenSkill !== null && isKnownSkill(view.skills, chosenSkill) ? chosenSkill : null;
  const filtered = filterBoard(board, skill);
  const shown = listingsOn(filtered, side);
  const chooseSide = (next: ListingSide): void => {
    boardChoice.side = next;
    setSide(next);
  };
  const chooseSkill = (next: SkillRef | null): void => {
    boardChoice.skill = next;
    setSkill(next);
  };
  const empty = board.offers.length === 0 && board.needs.length === 0;

  return (
    <Page title={t('board.title')}>
      <p>{t('board.lead')}</p>
      <nav class="actions-row" aria-label={t('board.actions')}>
        <a class="button button-primary" href={hrefFor({ name: 'post', side: 'offer' })}>
          {t('board.postOffer')}
        </a>
        <a class="button button-primary" href={hrefFor({ name: 'post', side: 'need' })}>
          {t('board.postNeed')}
        </a>
      </nav>
      {empty ? (
        <section class="panel" aria-labelledby="board-empty-title">
          <h2 id="board-empty-title">{t('board.emptyTitle')}</h2>
          <p>{t('board.emptyLead')}</p>
          <p>{t('board.emptyInvite')}</p>
        </section>
      ) : (
        <>
          <div class="field">
            <label for={filterId}>{t('board.filter')}</label>
            <select id={filterId} value={skill ?? ''} onChange={(event) => chooseSkill(event.currentTarget.value || null)}>
              <option value="">{t('board.allSkills')}</option>
              {view.skills.skills.map((s) => (
                <option key={s.ref} value={s.ref}>
                  {skillLabel(s, t)}
                </option>
              ))}
            </select>
          </div>
          <SideTabs
            label={t('board.sides')}
            current={side}
            onChange={chooseSide}
            tabLabel={(s) => t(s === 'offer' ? 'board.tabOffers' : 'board.tabNeeds', { count: listingsOn(filtered, s).length })}
          >
            {shown.length === 0 ? (
              <p class="board-none">{noneText(side, skill === null ? null : skillLabelOf(view.skills, skill, t), t)}</p>
            ) : (
              <ul class="listing-list">
                {shown.map((listing) => (
                  <ListingCard key={listing.id} listing={listing} view={view} me={circle.membership.memberKey} now={now} matches={counts.get(listing.id) ?? 0} />
                ))}
              </ul>
            )}
          </SideTabs>
        </>
      )}
    </Page>
  );
}

function noneText(side: ListingSide, skill: string | null, t: Translator['t']): string {
  if (skill === null) return t(side === 'offer' ? 'board.noOffers' : 'board.noNeeds');
  return t(side === 'offer' ? 'board.noOffersForSkill' : 'board.noNeedsForSkill', { skill });
}
