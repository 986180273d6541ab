/**
 * The tool library's state, projected only when a tool screen asks for it: the
 * projection's code loads with those screens, not with the app's first load.
 * Records that are not about tools or members keep the previous projection.
 */
import type { CircleEvent, RecordId } from '../domain/events';
import type { ToolEvent, ToolHandedOver } from '../domain/tool-events';
import { projectTools } from '../domain/tools';
import type { ToolsState } from '../domain/tools';
import type { ReplicaSnapshot } from '../replica/replica';
import { cachedProjection } from './cached-projection';

export interface ToolsView {
  readonly state: ToolsState;
  /** Every countersignature of an offer, counted or in conflict: how a repeated scan finds its receipt. */
  readonly handoffsByOffer: ReadonlyMap<RecordId, readonly ToolHandedOver[]>;
}

const TOOL_KINDS = new Set<CircleEvent['kind']>([
  'tool.registered',
  'tool.handoff',
  'tool.requested',
  'tool.request.withdrawn',
  'tool.status',
  'tool.audited',
  'repair.opened',
  'repair.closed',
  'caretaker.volunteer',
  'area.named',
  'label.claimed',
  'tools.settings',
  'tutorial.written',
] satisfies ToolEvent['kind'][]);

const MEMBERSHIP_KINDS: readonly CircleEvent['kind'][] = ['circle.founded', 'member.admitted', 'member.profile'];

export const toolsViewOf = cachedProjection(new Set([...TOOL_KINDS, ...MEMBERSHIP_KINDS]), (snapshot: ReplicaSnapshot): ToolsView => {
  const { events } = snapshot;
  const handoffsByOffer = new Map<RecordId, ToolHandedOver[]>();
  for (const event of events) {
    if (event.kind !== 'tool.handoff') continue;
    const list = handoffsByOffer.get(event.offer.id);
    if (list === undefined) handoffsByOffer.set(event.offer.id, [event]);
    else if (!list.some((other) => other.id === event.id)) list.push(event);
  }
  return { state: projectTools(events, snapshot.circle), handoffsByOffer };
});
