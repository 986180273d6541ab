/**
 * Custody as a tree: every handoff names the record by which its giver got the
 * tool (`offer.after`), the registration being the root. Phones that were
 * offline can both extend the same point; the earliest handoff by the one
 * total order keeps custody and the rest become a listed conflict, so every
 * phone agrees on the holder and no signed record disappears.
 */
import { compareEvents } from './core';
import type { MemberKey, RecordId, ToolHandedOver } from './core';
import type { CareFlag, CustodyConflict, CustodyStep, ToolIgnoredReason } from './types';

/** The root of a tool's tree. */
export interface CustodyRoot {
  readonly id: RecordId;
  readonly registeredBy: MemberKey;
  readonly accessories: readonly string[];
}

export interface CustodyResult {
  readonly chains: ReadonlyMap<RecordId, readonly CustodyStep[]>;
  readonly conflicts: ReadonlyMap<RecordId, readonly CustodyConflict[]>;
  /** Handoffs that count for neither the chain nor a conflict, and why. */
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
}

/**
 * `handoffs` are those that passed the checks of their own (sorted by
 * compareEvents); `rejected` are the others with their reasons, so that a
 * handoff continuing from a rejected one can say why it cannot count either.
 */
export function resolveCustody(
  roots: ReadonlyMap<RecordId, CustodyRoot>,
  handoffs: readonly ToolHandedOver[],
  rejected: ReadonlyMap<RecordId, ToolIgnoredReason>,
): CustodyResult {
  const byAfter = new Map<RecordId, ToolHandedOver[]>();
  for (const handoff of handoffs) {
    const siblings = byAfter.get(handoff.offer.after);
    if (siblings === undefined) byAfter.set(handoff.offer.after, [handoff]);
    else siblings.push(handoff);
  }

  const chains = new Map<RecordId, CustodyStep[]>();
  const conflicts = new Map<RecordId, CustodyConflict[]>();
  const ignored = new Map<RecordId, ToolIgnoredReason>();
  const placed = new Set<RecordId>();

  for (const root of roots.values()) {
    const chain: CustodyStep[] = [];
    const toolConflicts: CustodyConflict[] = [];
    let node = root.id;
    let receiver = root.registeredBy;
    for (;;) {
      const children = ownChildren(byAfter.get(node), root.id);
      const rightful: ToolHandedOver[] = [];
      for (const child of children) {
        placed.add(child.id);
        if (child.offer.holder === receiver) rightful.push(child);
        else ignored.set(child.id, 'not-the-holder');
      }
      const kept = rightful[0];
      if (kept === undefined) break;
      chain.push(stepOf(kept, root.accessories));
      if (rightful.length > 1) {
        toolConflicts.push(conflictOf(root.id, node, receiver, kept, rightful.slice(1), byAfter, placed, ignored));
      }
      node = kept.id;
      receiver = kept.author;
    }
    chains.set(root.id, chain);
    if (toolConflicts.length > 0) conflicts.set(root.id, toolConflicts);
  }

  explainUnplaced(handoffs, roots, rejected, placed, ignored);
  return { chains, conflicts, ignored };
}

/** A chain's siblings are sorted already; a handoff naming another tool's record is not this tree's. */
function ownChildren(children: readonly ToolHandedOver[] | undefined, tool: RecordId): readonly ToolHandedOver[] {
  if (children === undefined) return [];
  return children.every((child) => child.offer.tool === tool) ? children : children.filter((child) => child.offer.tool === tool);
}

function conflictOf(
  tool: RecordId,
  after: RecordId,
  from: MemberKey,
  kept: ToolHandedOver,
  rivals: readonly ToolHandedOver[],
  byAfter: ReadonlyMap<RecordId, readonly ToolHandedOver[]>,
  placed: Set<RecordId>,
  ignored: Map<RecordId, ToolIgnoredReason>,
): CustodyConflict {
  const also: ToolHandedOver[] = [];
  const holders = [kept.author];
  // Everything that continued from a rival belongs to the conflict too: it
  // happened, people signed it, and the duo needs to see the whole branch.
  const stack = [...rivals];
  while (stack.length > 0) {
    const handoff = stack.pop()!;
    also.push(handoff);
    for (const child of ownChildren(byAfter.get(handoff.id), tool)) {
      placed.add(child.id);
      if (child.offer.holder === handoff.author) stack.push(child);
      else ignored.set(child.id, 'not-the-holder');
    }
  }
  for (const rival of rivals) if (!holders.includes(rival.author)) holders.push(rival.author);
  also.sort(compareEvents);
  return { tool, after, from, kept: kept.id, also: also.map((handoff) => handoff.id), holders };
}

/**
 * Handoffs that no tree reached: they continue from a record this phone does
 * not have yet (they wait), from a rejected handoff (they inherit its fate),
 * or from another tool's record.
 */
function explainUnplaced(
  handoffs: readonly ToolHandedOver[],
  roots: ReadonlyMap<RecordId, CustodyRoot>,
  rejected: ReadonlyMap<RecordId, ToolIgnoredReason>,
  placed: ReadonlySet<RecordId>,
  ignored: Map<RecordId, ToolIgnoredReason>,
): void {
  const byId = new Map<RecordId, ToolHandedOver>();
  for (const handoff of handoffs) byId.set(handoff.id, handoff);
  const inherit = (reason: ToolIgnoredReason): ToolIgnoredReason => (reason === 'awaiting-history' ? 'awaiting-history' : 'after-ignored');
  const judge = (handoff: ToolHandedOver): void => {
    // Walk up the unplaced ancestors until one can be judged, then hand the
    // verdict down the path: a long orphaned chain costs one walk, not many.
    const path: ToolHandedOver[] = [];
    const onPath = new Set<RecordId>();
    let current = handoff;
    let verdict: ToolIgnoredReason;
    for (;;) {
      path.push(current);
      onPath.add(current.id);
      const after = current.offer.after;
      const parent = byId.get(after);
      if (parent === undefined) {
        const reason = rejected.get(after);
        verdict = reason !== undefined ? inherit(reason) : roots.has(after) ? 'wrong-tool' : 'awaiting-history';
        break;
      }
      if (parent.offer.tool !== current.offer.tool) {
        verdict = 'wrong-tool';
        break;
      }
      const judged = ignored.get(parent.id);
      if (judged !== undefined) {
        verdict = inherit(judged);
        break;
      }
      // A parent in this tool's tree would have placed its child, so an
      // unjudged parent is unplaced too; a loop of ids never reaches the root.
      if (onPath.has(parent.id)) {
        verdict = 'awaiting-history';
        break;
      }
      current = parent;
    }
    ignored.set(path[path.length - 1]!.id, verdict);
    for (let i = path.length - 2; i >= 0; i--) ignored.set(path[i]!.id, inherit(verdict));
  };
  for (const handoff of handoffs) {
    if (placed.has(handoff.id) || ignored.has(handoff.id)) continue;
    judge(handoff);
  }
}

function stepOf(handoff: ToolHandedOver, accessories: readonly string[]): CustodyStep {
  return {
    handoff: handoff.id,
    offer: handoff.offer.id,
    from: handoff.offer.holder,
    to: handoff.author,
    at: handoff.at,
    role: handoff.role,
    present: handoff.present,
    condition: handoff.condition,
    area: handoff.area,
    note: handoff.note,
    flags: careFlags(handoff.present, handoff.condition, accessories),
  };
}

/** Whether anything is missing from the checklist or the tool came back damaged. */
export function careFlags(present: number, condition: string, accessories: readonly string[]): CareFlag[] {
  const flags: CareFlag[] = [];
  for (let position = 0; position < accessories.length; position++) {
    // Arithmetic rather than bit operators: a checklist may be longer than 31 positions.
    if (Math.floor(present / 2 ** position) % 2 !== 1) {
      flags.push('missing-accessories');
      break;
    }
  }
  if (condition === 'damaged') flags.push('damaged');
  return flags;
}
