/**
 * The barter side of the synthetic circle: skills added, the circle's
 * settings, offers and needs, cycle themes and exchanges — each exchange a
 * draft signed by one member and countersigned by another a few minutes later,
 * some of them workshops for a group, and a couple countersigned twice by
 * mistake so the demo shows how a conflict looks.
 */
import type { SeededRandom } from '../domain/random';
import type { ExchangeRole, SkillRef } from '../domain/events';
import { circleSettingsBody } from '../records/kinds/circle-settings';
import { cycleThemeBody } from '../records/kinds/cycle-theme';
import { exchangeConfirmedBody } from '../records/kinds/exchange';
import { listingPostedBody, listingWithdrawnBody } from '../records/kinds/listing';
import { skillAddedBody } from '../records/kinds/skill-added';
import { customSkillRef } from '../records/kinds/skill-codes';
import { makeExchangeDraft, makeRecord } from '../records/make';
import type { SignedBytes } from '../records/make';
import type { SigningKeys } from '../records/crypto';
import { ADDED_SKILLS, CYCLE_THEMES, LISTING_TEXTS, NOTES_BY_SKILL } from './phrases';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** Mean synodic month and the new moon of 2000-01-06 18:14 UTC: enough to label a theme's cycle. */
const SYNODIC_MS = 29.530588861 * DAY;
const LUNATION_ZERO = Date.UTC(2000, 0, 6, 18, 14);
const STARTING_SKILLS = Object.keys(NOTES_BY_SKILL);
const COMMON_SKILLS = ['repair', 'gardening', 'childcare', 'cooking', 'transport', 'care', 'repair', 'childcare', 'tech-help'];
const QUARTERS = [2, 4, 4, 4, 4, 6, 6, 8, 8, 8, 12, 16];

export interface LedgerMember {
  readonly signing: SigningKeys;
  readonly joinedAt: number;
}

export interface SyntheticLedgerOptions {
  readonly exchanges: number;
  readonly listings: number;
}

interface Context {
  readonly circle: Uint8Array;
  readonly members: readonly LedgerMember[];
  readonly start: number;
  readonly end: number;
  readonly random: SeededRandom;
  readonly records: SignedBytes[];
}

export function syntheticLedger(
  circle: Uint8Array,
  members: readonly LedgerMember[],
  span: { readonly start: number; readonly end: number },
  options: SyntheticLedgerOptions,
  random: SeededRandom,
): SignedBytes[] {
  const context: Context = { circle, members, start: span.start, end: span.end, random, records: [] };
  const founder = members[0]!;
  context.records.push(
    makeRecord(
      {
        kind: 'circle.settings',
        circle,
        at: span.start + DAY,
        body: circleSettingsBody({ resetRule: { kind: 'new-moon' }, lowerLimit: -40, upperLimit: 80, limitMode: 'soft' }),
      },
      founder.signing,
    ),
  );
  const skills: SkillRef[] = [...STARTING_SKILLS];
  ADDED_SKILLS.forEach((skill, i) => {
    const author = members[Math.min(i + 1, members.length - 1)]!;
    const record = makeRecord(
      { kind: 'skill.added', circle, at: Math.max(author.joinedAt, span.start) + (i + 2) * DAY, body: skillAddedBody(skill) },
      author.signing,
    );
    context.records.push(record);
    skills.push(customSkillRef(record.id));
  });
  addThemes(context);
  addListings(context, skills, options.listings);
  addExchanges(context, skills, options.exchanges);
  return context.records;
}

/** Members who had joined at least a day before `at`. */
function membersAt(context: Context, at: number): LedgerMember[] {
  return context.members.filter((m) => m.joinedAt + DAY < at);
}

function addThemes(context: Context): void {
  const first = Math.ceil((context.start - LUNATION_ZERO) / SYNODIC_MS);
  const last = Math.floor((context.end - LUNATION_ZERO) / SYNODIC_MS);
  for (let cycle = first; cycle < last; cycle++) {
    if (!context.random.chance(0.3)) continue;
    const mid = LUNATION_ZERO + (cycle + 0.5) * SYNODIC_MS;
    const author = context.random.pick(membersAt(context, mid - 10 * DAY).slice(0, 20));
    context.records.push(
      makeRecord(
        { kind: 'cycle.theme', circle: context.circle, at: Math.floor(mid - 10 * DAY), body: cycleThemeBody({ cycle, theme: context.random.pick(CYCLE_THEMES) }) },
        author.signing,
      ),
    );
  }
}

function addListings(context: Context, skills: readonly SkillRef[], count: number): void {
  const { random } = context;
  for (let i = 0; i < count; i++) {
    // Later months are busier: the circle has grown.
    const at = Math.floor(context.start + Math.sqrt(random.next()) * (context.end - context.start - DAY) + DAY);
    const authors = membersAt(context, at);
    if (authors.length === 0) continue;
    const author = random.pick(authors);
    const skill = random.chance(0.85) ? random.pick(STARTING_SKILLS) : random.pick(skills);
    const side = random.chance(0.5) ? 'offer' : 'need';
    const texts = LISTING_TEXTS[skill] ?? LISTING_TEXTS['repair']!;
    // Some offers stand until withdrawn, so the demo board is alive whenever it is opened.
    const standing = side === 'offer' && random.chance(0.15);
    const expiresAt = standing ? Date.UTC(2031, 0, 1) : at + random.int(7, 45) * DAY;
    const record = makeRecord(
      {
        kind: 'listing.posted',
        circle: context.circle,
        at,
        body: listingPostedBody({ side, skill, description: random.pick(texts[side]), quarters: random.chance(0.7) ? random.pick(QUARTERS) : null, expiresAt }),
      },
      author.signing,
    );
    context.records.push(record);
    if (random.chance(0.2)) {
      context.records.push(
        makeRecord(
          { kind: 'listing.withdrawn', circle: context.circle, at: at + random.int(1, 6) * DAY, body: listingWithdrawnBody(record.id) },
          author.signing,
        ),
      );
    }
  }
}

function noteFor(random: SeededRandom, skill: SkillRef): string {
  const notes = NOTES_BY_SKILL[skill];
  return notes === undefined || random.chance(0.2) ? '' : random.pick(notes);
}

function addExchanges(context: Context, skills: readonly SkillRef[], count: number): void {
  const { random, circle } = context;
  let made = 0;
  let mistakes = 0;
  while (made < count) {
    const at = Math.floor(context.start + Math.sqrt(random.next()) * (context.end - context.start - DAY) + DAY);
    const present = membersAt(context, at);
    if (present.length < 3) continue;
    const skill = random.chance(0.8) ? random.pick(COMMON_SKILLS) : random.pick(skills);
    const provider = random.pick(present);
    const workshop = random.chance(0.04) && made + 3 <= count;
    const receivers = pickDistinct(random, present, provider, workshop ? random.int(3, 8) : 1);
    if (receivers.length === 0) continue;
    const role: ExchangeRole = workshop || random.chance(0.5) ? 'provider' : 'receiver';
    const first = role === 'provider' ? provider : receivers[0]!;
    const quarters = workshop ? random.pick([4, 6, 8]) : random.pick(QUARTERS);
    const draft = makeExchangeDraft(
      { circle, at, role, quarters, skill, note: noteFor(random, skill), seats: receivers.length },
      first.signing,
    );
    const countersigners = role === 'provider' ? receivers : [provider];
    // Twice in the history, two neighbours both countersigned one draft.
    if (!workshop && mistakes < 2 && made > count / 3 && random.chance(0.01)) {
      const other = pickDistinct(random, present, first, 2).find((m) => m !== countersigners[0]);
      if (other !== undefined) {
        countersigners.push(other);
        mistakes++;
      }
    }
    countersigners.forEach((member, i) => {
      context.records.push(
        makeRecord(
          { kind: 'exchange.confirmed', circle, at: at + (i + 1) * random.int(1, 5) * MINUTE, body: exchangeConfirmedBody(draft.bytes) },
          member.signing,
        ),
      );
    });
    made += Math.min(countersigners.length, receivers.length);
  }
}

function pickDistinct(random: SeededRandom, from: readonly LedgerMember[], except: LedgerMember, count: number): LedgerMember[] {
  const chosen: LedgerMember[] = [];
  for (let attempt = 0; attempt < count * 4 && chosen.length < count; attempt++) {
    const candidate = random.pick(from);
    if (candidate !== except && !chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}
