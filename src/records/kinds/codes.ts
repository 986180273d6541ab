import type { CircleEventKind } from '../../domain/events';

/**
 * The kind of a record travels as a small number. Codes are never reused: a
 * retired kind keeps its number so that old records keep their meaning.
 */
export const KIND_CODES: { readonly [K in CircleEventKind]: number } = {
  'circle.founded': 1,
  'member.admitted': 2,
  'member.profile': 3,
  'exchange.confirmed': 4,
  'listing.posted': 5,
  'listing.withdrawn': 6,
  'circle.settings': 7,
  'skill.added': 8,
  'cycle.theme': 9,
  'skill.marked': 10,
  'tool.registered': 11,
  'tool.handoff': 12,
  'tool.requested': 13,
  'tool.request.withdrawn': 14,
  'tool.status': 15,
  'tool.audited': 16,
  'repair.opened': 17,
  'repair.closed': 18,
  'caretaker.volunteer': 19,
  'area.named': 20,
  'label.claimed': 21,
  'tools.settings': 22,
  'tutorial.written': 23,
  'roster.entry': 24,
  'alert.raised': 25,
  'alert.reached': 26,
  'alert.heard': 36,
  'fund.pledged': 27,
  'fund.contributed': 28,
  'support.requested': 29,
  'support.approved': 30,
  'support.declined': 31,
  'support.withdrawn': 32,
  'support.paid': 33,
  'agreement.version': 34,
  'agreement.signed': 35,
};
