/**
 * The mutual defense of the synthetic circle, from the day the circle took it
 * up to the end of the history: roster entries for about a third of the
 * members (callers enough for the phone tree to reach everyone, fund
 * contributors, court companions, a few housing hosts), the solidarity
 * agreement in two versions with signatures, drills every few months reached
 * through the phone tree of their day, three real alerts, and the emergency
 * fund with pledges, contributions, a change of its rules and requests that
 * were paid, declined, withdrawn and one still open.
 *
 * Contacts are sealed with the circle's field key and alert details with the
 * key of their expiry hour from the demo's expiry chain, as the app seals them
 * (records/sealed-field.ts, records/expiry-steps.ts), so an unlocked phone
 * opens contacts, and would have opened the details until they expired.
 * It draws from a random stream of its own, so the records are the same
 * whether or not the ledger and the tool library are generated with it.
 */
import { AGREEMENT_TEMPLATE_EN } from '../domain/agreement-template';
import { DEFAULT_ALERT_LIFETIME_MS } from '../domain/alerts';
import { CRISIS_SKILLS } from '../domain/defense-events';
import type { CrisisSkill, HousingPledge, RosterRole } from '../domain/defense-events';
import type { RecordId } from '../domain/events';
import { phoneTree } from '../domain/phone-tree';
import { seededRandom } from '../domain/random';
import type { CborValue } from '../records/cbor';
import { hourOf } from '../records/expiry-chain';
import type { ExpiryChain } from '../records/expiry-chain';
import { advanceChain, expiringFieldKey } from '../records/expiry-steps';
import { agreementSignedBody, agreementTextHash, agreementVersionBody } from '../records/kinds/agreement';
import { ALERT_DETAILS_PURPOSE, alertHeardBody, alertRaisedBody, alertReachedBody } from '../records/kinds/alert';
import { ROSTER_CONTACTS_PURPOSE, rosterEntryBody } from '../records/kinds/roster-entry';
import type { SignedBytes } from '../records/make';
import { fieldKey, sealFields } from '../records/sealed-field';
import { add, DAY, keyOf, MINUTE, presentAt, when } from './defense-context';
import type { DefenseContext, DefenseMember, GeneratedEntry } from './defense-context';
import { AGREEMENT_ADDITION, ALERT_TEXTS, CONTACT_NOTES, DRILL_TEXT, LANGUAGES, STREETS } from './defense-phrases';
import { syntheticFund } from './synthetic-fund';

export interface SyntheticDefenseOptions {
  /** How many days before the history's end the circle took up mutual defense. */
  readonly days: number;
}

/** Texts sealed as the app seals them: a map keyed 0, 1, 2..., bound to the circle, the author and the purpose. */
function seal(context: DefenseContext, author: DefenseMember, purpose: string, texts: readonly string[], key = context.fieldKey): Uint8Array {
  const fields = new Map<number, CborValue>(texts.map((text, i) => [i, text]));
  return sealFields(key, { circle: context.circle, author: author.signing.publicKey, purpose }, fields, (length) => context.random.bytes(length));
}

/** What the circle's members hold that seals their fields: the circle secret, and the expiry chain as it stood when the circle began. */
export interface DefenseKeys {
  readonly secret: Uint8Array;
  readonly expiryChain: ExpiryChain;
}

export function syntheticDefense(
  circle: Uint8Array,
  keys: DefenseKeys,
  members: readonly DefenseMember[],
  span: { readonly start: number; readonly end: number },
  options: SyntheticDefenseOptions,
  seed: number,
  viewer: DefenseMember,
): SignedBytes[] {
  const context: DefenseContext = {
    circle,
    fieldKey: fieldKey(keys.secret),
    expiryChain: { ...keys.expiryChain },
    members,
    viewer,
    random: seededRandom(seed),
    launch: Math.max(span.start + 2 * DAY, span.end - options.days * DAY),
    end: span.end,
    made: [],
  };
  const entries = addRoster(context);
  addAgreement(context);
  addAlerts(context, entries);
  syntheticFund(context, entries);
  context.made.sort((a, b) => a.at - b.at);
  return context.made.map((made) => made.record);
}

/**
 * A third of the members and four more take part, the viewer among them. All
 * but four are callers: with three calls each, that is enough for the tree to
 * reach the whole circle from anyone.
 */
function addRoster(context: DefenseContext): GeneratedEntry[] {
  const { random, members, end } = context;
  const eligible = members.filter((member) => member.joinedAt < end - 20 * DAY);
  const chosen = new Set<DefenseMember>([context.viewer, members[0]!]);
  const wanted = Math.min(eligible.length, Math.ceil(members.length / 3) + 4);
  while (chosen.size < wanted) chosen.add(random.pick(eligible));
  const hosts = Math.max(1, Math.round(wanted / 9));
  const entries: GeneratedEntry[] = [];
  [...chosen].forEach((member, i) => {
    const roles = new Set<RosterRole>();
    if (i < wanted - 4) roles.add('caller');
    if (i >= wanted - hosts - 2 && i < wanted - 2) roles.add('housing');
    if (random.chance(0.22) || i === wanted - 1) roles.add('fund');
    if (random.chance(0.22) || i === wanted - 2) roles.add('court');
    const from = Math.max(context.launch, member.joinedAt + DAY);
    const at = Math.min(end - DAY, from + random.int(1, 60) * DAY + random.int(0, 12 * 60) * MINUTE);
    entries.push(addEntry(context, member, at, [...roles]));
  });
  // A few members change their entry later: the latest counts.
  for (const entry of entries.slice(0, 3)) {
    const at = end - random.int(5, 60) * DAY;
    if (at > entry.at) entries.push(addEntry(context, entry.member, at, [...new Set<RosterRole>([...entry.roles, 'court'])]));
  }
  return entries;
}

function addEntry(context: DefenseContext, member: DefenseMember, at: number, roles: readonly RosterRole[]): GeneratedEntry {
  const { random } = context;
  const skills: CrisisSkill[] = CRISIS_SKILLS.filter(() => random.chance(0.15));
  const languages = [...new Set([random.pick(LANGUAGES), ...(random.chance(0.5) ? [random.pick(LANGUAGES)] : [])])];
  const housing: HousingPledge | null = roles.includes('housing') ? { capacity: random.int(1, 5), nights: random.int(2, 15), accessible: random.chance(0.3) } : null;
  const flat = random.chance(0.5) ? `, ${random.int(1, 6)}º ${random.pick(['A', 'B', 'C'])}` : '';
  const contacts = [
    `+1 202 555 01${String(random.int(0, 100)).padStart(2, '0')}`,
    `${random.pick(STREETS)} ${random.int(1, 80)}${flat}`,
    random.chance(0.3) ? random.pick(CONTACT_NOTES) : '',
  ];
  const sealedContacts = seal(context, member, ROSTER_CONTACTS_PURPOSE, contacts);
  add(context, 'roster.entry', at, rosterEntryBody({ roles, skills, languages, housing, sealedContacts }), member);
  return { member, at, roles };
}

/** The starting text, and a second version a few months on that everyone is asked to sign again. */
function addAgreement(context: DefenseContext): void {
  const { random } = context;
  const firstAt = context.launch + DAY;
  const author = presentAt(context, firstAt)[0] ?? context.members[0]!;
  const first = add(context, 'agreement.version', firstAt, agreementVersionBody({ text: AGREEMENT_TEMPLATE_EN, revises: null, merges: [] }), author);
  const secondText = AGREEMENT_TEMPLATE_EN.replace('\n\nWhen this page changes', `\n\n${AGREEMENT_ADDITION}\n\nWhen this page changes`);
  const secondAt = when(context, 0.5);
  const second = add(context, 'agreement.version', secondAt, agreementVersionBody({ text: secondText, revises: first.id, merges: [] }), random.pick(presentAt(context, secondAt)));
  signVersion(context, first.id, AGREEMENT_TEMPLATE_EN, firstAt, secondAt, 35);
  signVersion(context, second.id, secondText, secondAt, context.end - DAY, 22);
}

function signVersion(context: DefenseContext, version: RecordId, text: string, from: number, until: number, count: number): void {
  const { random } = context;
  const body = agreementSignedBody(version, agreementTextHash(text));
  const signers = new Set<DefenseMember>();
  for (let attempt = 0; attempt < count * 4 && signers.size < count; attempt++) {
    const at = from + random.int(1, Math.max(2, Math.floor((until - from) / DAY))) * DAY;
    const signer = random.pick(presentAt(context, at));
    if (signers.has(signer)) continue;
    signers.add(signer);
    add(context, 'agreement.signed', at + random.int(0, 12 * 60) * MINUTE, body, signer);
  }
}

/** The callers of the roster as it stood at `at`: each member's latest entry by then. */
function callersAt(entries: readonly GeneratedEntry[], at: number): Set<string> {
  const latest = new Map<DefenseMember, GeneratedEntry>();
  for (const entry of entries) {
    const known = latest.get(entry.member);
    if (entry.at <= at && (known === undefined || known.at < entry.at)) latest.set(entry.member, entry);
  }
  return new Set([...latest.values()].filter((entry) => entry.roles.includes('caller')).map((entry) => keyOf(entry.member)));
}

/**
 * Drills every few months, each reaching more of the circle faster than the
 * one before, and three real alerts that a few callers answered.
 */
function addAlerts(context: DefenseContext, entries: readonly GeneratedEntry[]): void {
  const { random } = context;
  const drills = [
    { share: 0.22, reach: 0.72, stepMinutes: 9 },
    { share: 0.5, reach: 0.91, stepMinutes: 6 },
    { share: 0.78, reach: 0.95, stepMinutes: 4 },
  ].map((drill): PlannedAlert => ({ ...drill, at: when(context, drill.share) + 18 * 60 * MINUTE, kind: 'other', drill: true, texts: [DRILL_TEXT.message, DRILL_TEXT.place] }));
  const real = ALERT_TEXTS.map((alert, i): PlannedAlert => ({
    at: when(context, 0.15 + 0.3 * i) + random.int(7 * 60, 22 * 60) * MINUTE,
    kind: alert.kind,
    drill: false,
    texts: [alert.message, alert.place],
    reach: random.int(10, 20) / 100,
    stepMinutes: 5,
  }));
  // In time order, so that the expiry chain only ever steps forward.
  for (const plan of [...drills, ...real].sort((a, b) => a.at - b.at)) raise(context, entries, plan);
}

interface PlannedAlert {
  readonly at: number;
  readonly kind: (typeof ALERT_TEXTS)[number]['kind'] | 'other';
  readonly drill: boolean;
  readonly texts: readonly string[];
  /** The share of the members of its day who are reached. */
  readonly reach: number;
  /** Minutes between one level of the phone tree and the next. */
  readonly stepMinutes: number;
}

/**
 * Raises an alert and reaches `reach` of the members of its day through the
 * phone tree the app would draw for it, level by level: a caller marks whom
 * they reached, and now and then the member says they heard themselves. Its
 * details are sealed to expire with it, as the app seals them.
 */
function raise(context: DefenseContext, entries: readonly GeneratedEntry[], { at, kind, drill, texts, reach, stepMinutes }: PlannedAlert): void {
  const { random } = context;
  const callers = callersAt(entries, at);
  const present = context.members.filter((member) => member.joinedAt <= at);
  const raiser = random.pick(present.filter((member) => callers.has(keyOf(member)) && member.joinedAt + DAY < at));
  const expiresAt = at + DEFAULT_ALERT_LIFETIME_MS;
  const chain = advanceChain(context.expiryChain, hourOf(at));
  const key = chain === null ? null : expiringFieldKey(context.fieldKey, chain, expiresAt);
  if (chain === null || key === null) throw new RangeError('the synthetic history runs past the expiry chain');
  context.expiryChain = chain;
  const sealedDetails = seal(context, raiser, ALERT_DETAILS_PURPOSE, texts, key);
  const alert = add(context, 'alert.raised', at, alertRaisedBody({ alertKind: kind, drill, expiresAt, sealedDetails }), raiser);
  const byKey = new Map(present.map((member) => [keyOf(member), member]));
  const tree = phoneTree({ members: byKey.keys(), callers, root: keyOf(raiser), seed: alert.id });
  const order = [...tree.levels.slice(1).flat(), ...tree.unassigned];
  const count = Math.min(order.length, Math.ceil(reach * (present.length - 1)));
  for (const key of order.slice(0, count)) {
    const depth = tree.depth.get(key) ?? tree.maxDepth + 1;
    const reachedAt = at + depth * stepMinutes * MINUTE + random.int(MINUTE, stepMinutes * MINUTE);
    const parent = tree.parent.get(key);
    const member = byKey.get(key)!;
    if (parent === undefined || random.chance(0.25)) add(context, 'alert.heard', reachedAt, alertHeardBody(alert.id), member);
    else add(context, 'alert.reached', reachedAt, alertReachedBody(alert.id, key), byKey.get(parent)!);
  }
}
