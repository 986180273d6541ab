/**
 * Everything a screen shows about one circle, kept up to date as records
 * arrive: membership, settings, skills, themes, the ledger and the board.
 * Exchanges are added to the ledger one at a time; a change of membership or
 * of the reset rule rebuilds it, since either can change which exchanges count
 * or which cycle they fall in.
 */
import type { CircleState } from '../domain/circle';
import { cycleIndexer } from '../domain/cycle-lookup';
import type { CircleEvent } from '../domain/events';
import { LedgerIndex } from '../domain/ledger';
import { projectPostings } from '../domain/listings';
import type { Postings } from '../domain/listings';
import { projectSettings, projectThemes } from '../domain/settings';
import type { CycleTheme, SettingsState } from '../domain/settings';
import { projectSkills } from '../domain/skills';
import type { SkillList } from '../domain/skills';
import type { ReplicaSnapshot } from '../replica/replica';

export interface CircleView {
  /** Grows with every change, so screens can tell a new view from an old one. */
  readonly version: number;
  readonly membership: CircleState;
  readonly settings: SettingsState;
  readonly skills: SkillList;
  readonly themes: ReadonlyMap<number, CycleTheme>;
  /** Updated in place as exchanges arrive: compare views by `version`, not by this object. */
  readonly ledger: LedgerIndex;
  readonly postings: Postings;
  /** The cycle index of an instant under the circle's current reset rule. */
  readonly cycleOf: (at: number) => number;
}

const MEMBERSHIP_KINDS = new Set<CircleEvent['kind']>(['circle.founded', 'member.admitted', 'member.profile']);
const LISTING_KINDS = new Set<CircleEvent['kind']>(['listing.posted', 'listing.withdrawn']);

export class CircleViewBuilder {
  private seen = 0;
  private view: CircleView | null = null;
  private ledger: LedgerIndex | null = null;

  /** The view for a replica snapshot, reusing what earlier snapshots built. */
  update(snapshot: ReplicaSnapshot): CircleView {
    const events = snapshot.events;
    const fresh = events.slice(this.seen);
    const previous = this.view;
    this.seen = events.length;
    if (previous === null || this.ledger === null || fresh.some((e) => MEMBERSHIP_KINDS.has(e.kind) || e.kind === 'circle.settings')) {
      return this.rebuild(snapshot);
    }
    if (fresh.length === 0) return previous;
    for (const event of fresh) if (event.kind === 'exchange.confirmed') this.ledger.add(event);
    const touches = (kinds: ReadonlySet<CircleEvent['kind']> | CircleEvent['kind']): boolean =>
      fresh.some((e) => (typeof kinds === 'string' ? e.kind === kinds : kinds.has(e.kind)));
    this.view = {
      ...previous,
      version: previous.version + 1,
      skills: touches('skill.added') || touches('skill.marked') ? projectSkills(events, previous.membership) : previous.skills,
      themes: touches('cycle.theme') ? projectThemes(events, previous.membership) : previous.themes,
      postings: touches(LISTING_KINDS) ? projectPostings(events, previous.membership) : previous.postings,
    };
    return this.view;
  }

  private rebuild(snapshot: ReplicaSnapshot): CircleView {
    const { events, circle: membership } = snapshot;
    const settings = projectSettings(events, membership);
    const cycleOf = cycleIndexer(settings.current.resetRule);
    const ledger = new LedgerIndex(membership, cycleOf);
    for (const event of events) if (event.kind === 'exchange.confirmed') ledger.add(event);
    this.ledger = ledger;
    this.view = {
      version: (this.view?.version ?? 0) + 1,
      membership,
      settings,
      skills: projectSkills(events, membership),
      themes: projectThemes(events, membership),
      ledger,
      postings: projectPostings(events, membership),
      cycleOf,
    };
    return this.view;
  }
}
