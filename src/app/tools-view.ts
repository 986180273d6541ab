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

const MEMBERSHIP_KINDS = new Set<CircleEvent['kind']>(['circle.founded', 'member.admitted', 'member.profile']);

/** Per event log (a replica keeps one log and grows it in place): how much of it the view has seen. */
const built = new WeakMap<readonly CircleEvent[], { seen: number; view: ToolsView }>();

export function toolsViewOf(snapshot: ReplicaSnapshot): ToolsView {
  const { events } = snapshot;
  const known = built.get(events);
  if (known !== undefined) {
    let touched = false;
    for (let index = known.seen; index < events.length && !touched; index++) {
      const kind = (events[index] as CircleEvent).kind;
      touched = TOOL_KINDS.has(kind) || MEMBERSHIP_KINDS.has(kind);
    }
    known.seen = events.length;
    if (!touched) return known.view;
  }
  const handoffsByOffer = new Map<RecordId, ToolHandedOver[]>();
  for (const event of events) {
    if (event.kind !== 'tool.handoff') continue;
    const list = handoffsByOffer.get(event.offer.id);
    if (list === undefined) handoffsByOffer.set(event.offer.id, [event]);
    else if (!list.some((other) => other.id === event.id)) list.push(event);
  }
  const view: ToolsView = { state: projectTools(events, snapshot.circle), handoffsByOffer };
  built.set(events, { seen: events.length, view });
  return view;
}
