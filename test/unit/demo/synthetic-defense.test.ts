import { describe, expect, it } from 'vitest';
import { alertsView } from '../../../src/app/defense/alerts';
import { openAlertDetails } from '../../../src/app/defense/alerts';
import { openContacts } from '../../../src/app/defense/roster';
import { agreementOf } from '../../../src/app/agreement-view';
import { rosterOf } from '../../../src/app/defense-view';
import { fundOf } from '../../../src/app/fund-view';
import type { OpenCircle } from '../../../src/app/open-circle';
import { DEMO_OPTIONS, syntheticCircle, syntheticIdentity } from '../../../src/demo/synthetic';
import type { SyntheticCircle, SyntheticOptions } from '../../../src/demo/synthetic';
import { projectCircle } from '../../../src/domain/circle';
import type { CircleEvent } from '../../../src/domain/events';
import { membersWithRole, rosterPhoneTree } from '../../../src/domain/roster';
import { toBase64Url } from '../../../src/records/bytes';
import { validateRecord } from '../../../src/records/verify-record';
import type { ReplicaSnapshot } from '../../../src/replica/replica';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every record checked in full, signatures included, as a phone receiving them by sync would. */
function eventsOf(circle: SyntheticCircle): CircleEvent[] {
  return circle.records.map((record) => {
    const result = validateRecord(record.bytes, circle.circleId, record.id);
    if (!result.ok) throw new Error(`a synthetic record is refused: ${result.error.problem}`);
    return result.value.event;
  });
}

function snapshotOf(events: readonly CircleEvent[]): ReplicaSnapshot {
  return { circle: projectCircle(events), rejected: [], recordCount: events.length, events, restoredCount: 0, storageFailed: false, unverified: 0 };
}

/**
 * The demo's members and its defense, without the ledger and the tool library:
 * the defense draws from a stream of its own, so these are the demo's own
 * defense records (the first test holds that to be so).
 */
const { seed, members, start, days, profileChanges, defense } = DEMO_OPTIONS;
const demoOptions: SyntheticOptions = { seed, members, start, days, profileChanges, defense: defense ?? null };
const demo = syntheticCircle(demoOptions);
const base = syntheticCircle({ ...demoOptions, defense: null });
const events = eventsOf(demo);
const added = events.slice(base.records.length);
const snapshot = snapshotOf(events);
const end = start + days * DAY;
const viewer = toBase64Url(demo.viewer.signing.publicKey);
/** A small circle drawn with and without the ledger and tools, to hold the defense's stream apart from theirs. */
const small = (() => {
  const options: SyntheticOptions = { seed: 9, members: 30, start: Date.UTC(2025, 0, 1), days: 500, profileChanges: 0, defense: { days: 300 } };
  const alone = syntheticCircle(options);
  const withTools = syntheticCircle({ ...options, ledger: { exchanges: 40, listings: 10 }, tools: { tools: 6, handoffsPerYear: 4 } });
  return { alone, withTools, defenseCount: alone.records.length - options.members };
})();
/** What opening sealed fields needs of an open circle: its secret, its id, and the expiry chain a demo phone starts from. */
const opener = (): OpenCircle =>
  ({ circleSecret: demo.secret, replica: { circleId: demo.circleId }, expiry: { chain: syntheticIdentity(demoOptions).expiryChain } }) as unknown as OpenCircle;

describe('the demo circle’s mutual defense', () => {
  it('comes after the rest of the history, the same whether or not the ledger and tools are drawn', () => {
    expect(demo.records.slice(0, base.records.length).map((r) => r.id)).toEqual(base.records.map((r) => r.id));
    const defenseIds = (circle: SyntheticCircle): string[] => circle.records.slice(-small.defenseCount).map((r) => r.id);
    expect(small.defenseCount).toBeGreaterThan(50);
    expect(defenseIds(small.withTools)).toEqual(defenseIds(small.alone));
  });

  it('adds a modest number of records, all within the history and signed by members of their day', () => {
    expect(added.length).toBeGreaterThan(300);
    expect(added.length).toBeLessThan(650);
    for (const event of added) {
      expect(event.at).toBeGreaterThan(start);
      expect(event.at).toBeLessThan(end);
      expect(snapshot.circle.members.get(event.author)!.since).toBeLessThanOrEqual(event.at);
    }
  });

  it('has roster entries for about a third of the members, with contacts that open with the circle’s key', () => {
    const roster = rosterOf(snapshot);
    expect(roster.ignored).toEqual([]);
    expect(roster.entries.size).toBeGreaterThanOrEqual(members / 3);
    expect(roster.entries.size).toBeLessThan(members / 2);
    expect(roster.entries.has(viewer)).toBe(true);
    const hosts = [...roster.entries.values()].filter((entry) => entry.housing !== null);
    expect(hosts.length).toBeGreaterThanOrEqual(3);
    expect(membersWithRole(roster, 'fund').length).toBeGreaterThan(5);
    expect(membersWithRole(roster, 'court').length).toBeGreaterThan(5);
    for (const entry of roster.entries.values()) {
      const contacts = openContacts(opener(), entry);
      expect(contacts).toMatchObject({ phone: expect.stringMatching(/^\+1 202 555 01\d\d$/) as unknown, address: expect.any(String) as unknown });
      expect(entry.languages.length).toBeGreaterThan(0);
    }
  });

  it('has a phone tree that reaches everyone through the roster’s callers', () => {
    const roster = rosterOf(snapshot);
    const callers = membersWithRole(roster, 'caller');
    const tree = rosterPhoneTree(roster, snapshot.circle.members.keys(), viewer, toBase64Url(demo.circleId));
    expect(tree.unassigned).toEqual([]);
    expect(tree.depth.size).toBe(members);
    for (const caller of callers) expect(tree.depth.has(caller)).toBe(true);
    // Every caller placed above the last level has people to call.
    const lastLevel = new Set(tree.levels.at(-1));
    expect(callers.filter((caller) => caller !== viewer && !lastLevel.has(caller) && tree.callsFor(caller).length === 0)).toEqual([]);
  });

  it('has drills every few months in the history, getting faster, and real alerts in the past', () => {
    const view = alertsView(snapshot, rosterOf(snapshot), end + 30 * DAY);
    expect(view.overview.problems).toEqual([]);
    expect(view.drills).toHaveLength(3);
    const [first, second, third] = view.drills;
    expect(first!.timeTo90).toBeNull();
    expect(second!.timeTo90).not.toBeNull();
    expect(third!.timeTo90!).toBeLessThan(second!.timeTo90!);
    expect(third!.timeTo90!).toBeLessThan(60 * MINUTE);
    expect(third!.at - first!.at).toBeGreaterThan(150 * DAY);
    const real = [...view.raised.values()].filter((alert) => !alert.drill);
    expect(real.map((alert) => alert.alertKind).sort()).toEqual(['court', 'eviction', 'police']);
    // All in the past: none of them is live any more.
    expect(view.live).toEqual([]);
    // Sealed as the app seals them: they opened while the alert lasted, and open nowhere now.
    // One phone in time order, as its chain only steps forward.
    const phone = opener();
    const raised = [...view.raised.values()].sort((a, b) => a.at - b.at);
    for (const alert of raised) {
      const details = openAlertDetails(phone, alert, alert.at + HOUR);
      expect(typeof details === 'object' && details.message.length > 0).toBe(true);
    }
    for (const alert of raised) expect(openAlertDetails(phone, alert, end + 30 * DAY)).toBe('expired');
  });

  it('has an emergency fund with a positive balance, a change of its rules, and requests paid, declined, withdrawn and open', () => {
    const fund = fundOf(snapshot, end);
    expect(fund.problems).toEqual([]);
    expect(fund.balance).toBeGreaterThan(0);
    expect(fund.paidOut).toBeGreaterThan(0);
    expect(fund.pledges.size).toBeGreaterThan(5);
    const statuses = [...fund.requests.values()].map((request) => request.status).sort();
    expect(statuses).toEqual(['declined', 'open', 'paid', 'paid', 'paid', 'withdrawn']);
    expect(fund.rulesHistory).toHaveLength(1);
    const judgedEarlier = [...fund.requests.values()].filter((request) => request.rules.largeAmount !== fund.rules.largeAmount);
    expect(judgedEarlier.length).toBeGreaterThan(0);
    expect([...fund.requests.values()].some((request) => request.required === 3 && request.status === 'paid')).toBe(true);
    // The open request waits for a second approval that the demo's viewer may give.
    const open = [...fund.requests.values()].find((request) => request.status === 'open')!;
    expect(open.requester).not.toBe(viewer);
    expect(open.approvers).not.toContain(viewer);
    expect(open.approvers).toHaveLength(1);
  });

  it('has the solidarity agreement in two versions, signed by many', () => {
    const agreement = agreementOf(snapshot);
    expect(agreement.problems).toEqual([]);
    expect(agreement.versions).toHaveLength(2);
    expect(agreement.current?.revises).toBe(agreement.versions[0]!.id);
    expect(agreement.counts.signedCurrent).toBeGreaterThan(10);
    expect(agreement.counts.signAgain).toBeGreaterThan(10);
  });
});
