/**
 * The tool commons as a pure function of the circle's records: the same set
 * of records gives the same tools, holders, queues and conflicts on every
 * phone, whatever order they arrived in. One pass sorts the records by kind;
 * each kind is then settled once, with maps rather than scans, so a large
 * library stays fast on a phone.
 */
import { authorProblem, compareEvents, wasMemberAt } from './core';
import type {
  AreaNamed,
  CaretakerVolunteered,
  CircleEvent,
  CircleState,
  LabelClaimed,
  RecordId,
  RepairClosed,
  RepairOpened,
  ToolAudited,
  ToolEvent,
  ToolHandedOver,
  ToolRegistered,
  ToolRequested,
  ToolRequestWithdrawn,
  ToolRulesChanged,
  ToolStatusMarked,
  TutorialWritten,
} from './core';
import { auditOf, conditionHistory, flaggedRecords, resolveMarks, resolveRepairs, statusOf } from './care';
import { areasOf, resolveLabels, resolveRules, resolveVolunteers } from './commons';
import { resolveCustody } from './custody';
import type { CustodyRoot } from './custody';
import { resolveQueue } from './queue';
import type { QueueRequest, QueueWithdrawal } from './queue';
import { resolveTutorials } from './tutorials';
import type { Audit, CustodyConflict, IgnoredToolEvent, ToolIgnoredReason, ToolState, ToolsState } from './types';

interface Buckets {
  readonly registered: ToolRegistered[];
  readonly handoffs: ToolHandedOver[];
  readonly requests: ToolRequested[];
  readonly withdrawals: ToolRequestWithdrawn[];
  readonly marks: ToolStatusMarked[];
  readonly audits: ToolAudited[];
  readonly openings: RepairOpened[];
  readonly closings: RepairClosed[];
  readonly volunteers: CaretakerVolunteered[];
  readonly areas: AreaNamed[];
  readonly labels: LabelClaimed[];
  readonly rules: ToolRulesChanged[];
  readonly tutorials: TutorialWritten[];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => RecordId): Map<RecordId, T[]> {
  const groups = new Map<RecordId, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

export function projectTools(events: readonly CircleEvent[], membership: CircleState): ToolsState {
  const ignoredBy = new Map<RecordId, { readonly event: ToolEvent; readonly reason: ToolIgnoredReason }>();
  const ignore = (event: ToolEvent, reason: ToolIgnoredReason): void => void ignoredBy.set(event.id, { event, reason });
  const buckets = sortByKind(events, membership, ignore);

  const areas = areasOf(buckets.areas);

  const registrations = new Map<RecordId, ToolRegistered>();
  for (const registration of buckets.registered) registrations.set(registration.id, registration);
  // A record about a tool this phone has not seen registered waits for it.
  const ofKnownTool = <T extends ToolEvent>(list: readonly T[], toolOf: (event: T) => RecordId): T[] =>
    list.filter((event) => registrations.has(toolOf(event)) || (ignore(event, 'awaiting-history'), false));

  // Marks first: a retirement closes custody and the queue from its moment on.
  const marksByTool = groupBy(ofKnownTool(buckets.marks, (mark) => mark.tool), (mark) => mark.tool);
  const marks = new Map<RecordId, ReturnType<typeof resolveMarks>>();
  for (const [tool, list] of marksByTool) {
    const result = resolveMarks(list);
    marks.set(tool, result);
    for (const mark of list) {
      const reason = result.ignored.get(mark.id);
      if (reason !== undefined) ignore(mark, reason);
    }
  }
  const afterRetirement = (tool: RecordId, event: ToolEvent): boolean => {
    const retirement = marks.get(tool)?.retirement ?? null;
    return retirement !== null && compareEvents(event, retirement) > 0;
  };

  const custody = settleCustody(buckets.handoffs, registrations, membership, ignore, afterRetirement);

  const audits = groupBy(ofKnownTool(buckets.audits, (audit) => audit.tool), (audit) => audit.tool);
  const repairs = resolveRepairs(ofKnownTool(buckets.openings, (opening) => opening.tool), buckets.closings);
  for (const closing of buckets.closings) {
    const reason = repairs.ignored.get(closing.id);
    if (reason === undefined) continue;
    // A closing of an opening that waits or was ignored shares its fate.
    const opening = ignoredBy.get(closing.repair);
    ignore(closing, opening === undefined ? reason : inherited(opening.reason));
  }

  const claims = ofKnownTool(buckets.labels, (claim) => claim.tool);
  const labels = resolveLabels(claims);
  for (const claim of claims) {
    const reason = labels.ignored.get(claim.id);
    if (reason !== undefined) ignore(claim, reason);
  }
  const labelsByTool = groupBy(
    claims.filter((claim) => !labels.ignored.has(claim.id)),
    (claim) => claim.tool,
  );

  const queues = settleQueues(buckets, registrations, custody.chains, ignore, ignoredBy, afterRetirement);

  const rules = resolveRules(buckets.rules);
  for (const change of buckets.rules) {
    const reason = rules.ignored.get(change.id);
    if (reason !== undefined) ignore(change, reason);
  }
  const volunteers = resolveVolunteers(buckets.volunteers);
  const tutorials = resolveTutorials(buckets.tutorials);
  for (const version of buckets.tutorials) {
    const reason = tutorials.ignored.get(version.id);
    if (reason !== undefined) ignore(version, reason);
  }
  const tutorialsByTool = new Map<RecordId, RecordId[]>();
  for (const tutorial of tutorials.tutorials.values()) {
    for (const tool of new Set(tutorial.tools)) {
      if (!registrations.has(tool)) continue;
      const list = tutorialsByTool.get(tool);
      if (list === undefined) tutorialsByTool.set(tool, [tutorial.id]);
      else list.push(tutorial.id);
    }
  }

  const tools = new Map<RecordId, ToolState>();
  const conflicts: CustodyConflict[] = [];
  for (const registration of registrations.values()) {
    const id = registration.id;
    const chain = custody.chains.get(id) ?? [];
    const last = chain[chain.length - 1];
    const toolAudits: Audit[] = (audits.get(id) ?? []).map((audit) => auditOf(audit, registration.accessories));
    const toolRepairs = repairs.byTool.get(id) ?? [];
    const toolMarks = marks.get(id);
    const statusMarks = toolMarks?.marks ?? [];
    const custodyRole = last?.role ?? 'host';
    const toolConflicts = custody.conflicts.get(id) ?? [];
    conflicts.push(...toolConflicts);
    let area = registration.area;
    for (const step of chain) if (step.area !== null) area = step.area;
    tools.set(id, {
      id,
      name: registration.name,
      category: registration.category,
      accessories: registration.accessories,
      careNotes: registration.careNotes,
      replacementValue: registration.replacementValue,
      loanDays: registration.loanDays,
      photo: registration.photo,
      registeredBy: registration.author,
      registeredAt: registration.at,
      registeredArea: registration.area,
      holder: last?.to ?? registration.author,
      heldSince: last?.at ?? registration.at,
      custodyRole,
      area,
      head: last?.handoff ?? id,
      custody: chain,
      conditionHistory: conditionHistory(chain, toolAudits),
      audits: toolAudits,
      repairs: toolRepairs,
      statusMarks,
      status: statusOf(statusMarks, chain, toolRepairs, custodyRole),
      retiredAt: toolMarks?.retirement?.at ?? null,
      queue: queues.get(id) ?? [],
      labels: (labelsByTool.get(id) ?? []).map((claim) => claim.label),
      tutorials: tutorialsByTool.get(id) ?? [],
      conflicts: toolConflicts,
      flagged: flaggedRecords(chain, toolAudits),
    });
  }
  conflicts.sort((a, b) => compareKept(a, b, custody.handoffs));

  const ignored: IgnoredToolEvent[] = [...ignoredBy.values()]
    .map(({ event, reason }) => ({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason }))
    .sort(compareEvents);

  return {
    tools,
    areas,
    labels: labels.labels,
    rules: rules.rules,
    volunteers: volunteers.volunteers,
    volunteerHistory: volunteers.history,
    tutorials: tutorials.tutorials,
    conflicts,
    ignored,
  };
}

/** A record about an ignored record waits with it, or counts for nothing. */
function inherited(reason: ToolIgnoredReason): ToolIgnoredReason {
  return reason === 'awaiting-history' ? 'awaiting-history' : 'not-active';
}

function compareKept(a: CustodyConflict, b: CustodyConflict, handoffs: ReadonlyMap<RecordId, ToolHandedOver>): number {
  return compareEvents(handoffs.get(a.kept)!, handoffs.get(b.kept)!);
}

/**
 * Deduplicates (an id is the hash of a record's bytes, so a repeated id is
 * the same record), drops records whose author was not a member at their
 * time, and sorts each kind once by the one total order.
 */
function sortByKind(events: readonly CircleEvent[], membership: CircleState, ignore: (event: ToolEvent, reason: ToolIgnoredReason) => void): Buckets {
  const buckets: Buckets = {
    registered: [],
    handoffs: [],
    requests: [],
    withdrawals: [],
    marks: [],
    audits: [],
    openings: [],
    closings: [],
    volunteers: [],
    areas: [],
    labels: [],
    rules: [],
    tutorials: [],
  };
  const seen = new Set<RecordId>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const list = bucketOf(buckets, event);
    if (list === undefined) continue;
    const problem = authorProblem(membership, event);
    if (problem !== null) ignore(event as ToolEvent, problem);
    else list.push(event);
  }
  for (const list of Object.values(buckets) as CircleEvent[][]) list.sort(compareEvents);
  return buckets;
}

function bucketOf(buckets: Buckets, event: CircleEvent): CircleEvent[] | undefined {
  switch (event.kind) {
    case 'tool.registered':
      return buckets.registered;
    case 'tool.handoff':
      return buckets.handoffs;
    case 'tool.requested':
      return buckets.requests;
    case 'tool.request.withdrawn':
      return buckets.withdrawals;
    case 'tool.status':
      return buckets.marks;
    case 'tool.audited':
      return buckets.audits;
    case 'repair.opened':
      return buckets.openings;
    case 'repair.closed':
      return buckets.closings;
    case 'caretaker.volunteer':
      return buckets.volunteers;
    case 'area.named':
      return buckets.areas;
    case 'label.claimed':
      return buckets.labels;
    case 'tools.settings':
      return buckets.rules;
    case 'tutorial.written':
      return buckets.tutorials;
    default:
      return undefined;
  }
}

function settleCustody(
  handoffs: readonly ToolHandedOver[],
  registrations: ReadonlyMap<RecordId, ToolRegistered>,
  membership: CircleState,
  ignore: (event: ToolEvent, reason: ToolIgnoredReason) => void,
  afterRetirement: (tool: RecordId, event: ToolEvent) => boolean,
): ReturnType<typeof resolveCustody> & { readonly handoffs: ReadonlyMap<RecordId, ToolHandedOver> } {
  const candidates: ToolHandedOver[] = [];
  const rejected = new Map<RecordId, ToolIgnoredReason>();
  const all = new Map<RecordId, ToolHandedOver>();
  for (const handoff of handoffs) {
    all.set(handoff.id, handoff);
    const { offer } = handoff;
    let reason: ToolIgnoredReason | null = null;
    if (!registrations.has(offer.tool)) reason = 'awaiting-history';
    else if (!membership.members.has(offer.holder)) reason = 'awaiting-history';
    else if (!wasMemberAt(membership, offer.holder, offer.at)) reason = 'holder-not-a-member-then';
    else if (offer.holder === handoff.author) reason = 'same-person';
    else if (afterRetirement(offer.tool, handoff)) reason = 'retired';
    if (reason === null) candidates.push(handoff);
    else {
      rejected.set(handoff.id, reason);
      ignore(handoff, reason);
    }
  }
  const roots = new Map<RecordId, CustodyRoot>();
  for (const registration of registrations.values()) {
    roots.set(registration.id, { id: registration.id, registeredBy: registration.author, accessories: registration.accessories });
  }
  const result = resolveCustody(roots, candidates, rejected);
  for (const [id, reason] of result.ignored) ignore(all.get(id)!, reason);
  return { ...result, handoffs: all };
}

function settleQueues(
  buckets: Buckets,
  registrations: ReadonlyMap<RecordId, ToolRegistered>,
  chains: ReturnType<typeof resolveCustody>['chains'],
  ignore: (event: ToolEvent, reason: ToolIgnoredReason) => void,
  ignoredBy: ReadonlyMap<RecordId, { readonly reason: ToolIgnoredReason }>,
  afterRetirement: (tool: RecordId, event: ToolEvent) => boolean,
): Map<RecordId, ReturnType<typeof resolveQueue>['queue']> {
  const requestsById = new Map<RecordId, ToolRequested>();
  for (const request of buckets.requests) requestsById.set(request.id, request);
  const requests = new Map<RecordId, QueueRequest[]>();
  for (const request of buckets.requests) {
    if (!registrations.has(request.tool)) ignore(request, 'awaiting-history');
    else if (afterRetirement(request.tool, request)) ignore(request, 'retired');
    else {
      const list = requests.get(request.tool);
      if (list === undefined) requests.set(request.tool, [request]);
      else list.push(request);
    }
  }
  const withdrawals = new Map<RecordId, QueueWithdrawal[]>();
  const withdrawalsById = new Map<RecordId, ToolRequestWithdrawn>();
  for (const withdrawal of buckets.withdrawals) {
    withdrawalsById.set(withdrawal.id, withdrawal);
    const request = requestsById.get(withdrawal.request);
    const requestIgnored = ignoredBy.get(withdrawal.request);
    // Only the requester can leave a queue: nobody can push a neighbour out.
    if (request === undefined) ignore(withdrawal, requestIgnored === undefined ? 'awaiting-history' : inherited(requestIgnored.reason));
    else if (request.author !== withdrawal.author) ignore(withdrawal, 'not-yours');
    else if (requestIgnored !== undefined) ignore(withdrawal, inherited(requestIgnored.reason));
    else {
      const list = withdrawals.get(request.tool);
      if (list === undefined) withdrawals.set(request.tool, [withdrawal]);
      else list.push(withdrawal);
    }
  }
  const queues = new Map<RecordId, ReturnType<typeof resolveQueue>['queue']>();
  for (const registration of registrations.values()) {
    const id = registration.id;
    const toolRequests = requests.get(id) ?? [];
    const toolWithdrawals = withdrawals.get(id) ?? [];
    if (toolRequests.length === 0 && toolWithdrawals.length === 0) continue;
    const result = resolveQueue(registration.author, chains.get(id) ?? [], toolRequests, toolWithdrawals);
    queues.set(id, result.queue);
    for (const [recordId, reason] of result.ignored) ignore(requestsById.get(recordId) ?? withdrawalsById.get(recordId)!, reason);
  }
  return queues;
}
