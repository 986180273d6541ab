/**
 * The tool library of the synthetic circle: named areas, the library's rules,
 * caretakers, tools registered in the first months, and three years of
 * handoffs in proper chains (each offer follows the handoff that gave the
 * holder the tool), with requests and queues, audits, repairs, labels, a few
 * tools lost or retired, repair tutorials, and two offers countersigned by two
 * neighbours at once so the demo shows how a custody conflict looks.
 */
import type { SeededRandom } from '../domain/random';
import type { RecordId } from '../domain/events';
import type { CustodyRole, MarkedToolStatus, ToolCategory, ToolCondition } from '../domain/tool-events';
import { toBase64Url } from '../records/bytes';
import type { CborMap } from '../records/cbor';
import type { SigningKeys } from '../records/crypto';
import { makeHandoffOffer, makeRecord } from '../records/make';
import type { NewRecord, SignedBytes } from '../records/make';
import { repairClosedBody, repairOpenedBody, toolAuditedBody, toolRequestedBody, toolRequestWithdrawnBody, toolStatusBody } from '../records/kinds/tool-care';
import { areaNamedBody, caretakerVolunteerBody, LABEL_BYTES, labelClaimedBody, toolsSettingsBody, tutorialWrittenBody } from '../records/kinds/tool-circle';
import type { TutorialFields } from '../records/kinds/tool-circle';
import { toolHandoffBody } from '../records/kinds/tool-handoff';
import type { HandoffFields } from '../records/kinds/tool-handoff';
import { toolRegisteredBody } from '../records/kinds/tool-registered';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export interface SyntheticToolsOptions {
  readonly tools: number;
  /** Handoffs per tool per year, on average. */
  readonly handoffsPerYear: number;
}

export interface ToolMember {
  readonly signing: SigningKeys;
  readonly joinedAt: number;
}

type Template = readonly [ToolCategory, string, readonly string[], string, number, number];

/** Category, name, accessories, care notes, loan days, replacement value. */
const CATALOGUE: readonly Template[] = [
  ['hand-tools', 'Claw hammer', [], 'Keep the head tight: tell a caretaker if it wobbles.', 14, 15],
  ['hand-tools', 'Socket set (metric)', ['Ratchet', 'Extension bar', 'Case'], 'Count the sockets back into the case: 24 of them.', 14, 45],
  ['hand-tools', 'Hand saw', ['Blade guard'], 'Put the guard back on before carrying it.', 14, 20],
  ['hand-tools', 'Spirit level (120 cm)', [], 'Do not drop it: a knock spoils the vial.', 14, 30],
  ['hand-tools', 'Clamps (set of 4)', ['Bag'], '', 21, 40],
  ['hand-tools', 'Pipe wrench', [], 'Wipe it dry after plumbing jobs.', 14, 25],
  ['power-tools', 'Cordless drill (18 V)', ['Battery', 'Second battery', 'Charger', 'Bit case'], 'Charge both batteries before passing it on.\nBits go back in their slots.', 7, 120],
  ['power-tools', 'Hammer drill', ['Depth stop', 'Side handle', 'Masonry bits'], 'Wear ear protection. Blow the dust out of the vents after use.', 7, 110],
  ['power-tools', 'Jigsaw', ['Blade box', 'Dust port'], 'Spare blades are in the box; say when they run out.', 7, 80],
  ['power-tools', 'Circular saw', ['Rip fence', 'Spare blade', 'Blade key'], 'Unplug it before changing the blade. Never lock the guard open.', 5, 140],
  ['power-tools', 'Orbital sander', ['Dust bag', 'Sanding discs'], 'Empty the dust bag after every job.', 7, 60],
  ['power-tools', 'Angle grinder', ['Guard', 'Side handle', 'Pin spanner'], 'Goggles and gloves, always. Check the disc for cracks.', 5, 70],
  ['power-tools', 'Wallpaper steamer', ['Steam plate', 'Hose', 'Measuring jug'], 'Let it cool and empty the tank before returning.', 7, 50],
  ['garden', 'Lawn mower (electric)', ['Grass box', 'Extension cable'], 'Clean the grass off the underside. Keep the cable behind you.', 7, 180],
  ['garden', 'Hedge trimmer', ['Blade cover'], 'Oil the blades after use.', 7, 90],
  ['garden', 'Strimmer', ['Spare line spool', 'Shoulder strap'], '', 7, 70],
  ['garden', 'Wheelbarrow', [], 'Pump the tyre if it looks soft.', 14, 60],
  ['garden', 'Pruning shears', [], 'Wipe the sap off and oil the spring.', 14, 25],
  ['garden', 'Loppers', [], '', 14, 30],
  ['garden', 'Garden fork', [], '', 21, 30],
  ['garden', 'Pressure washer', ['Lance', 'Hose', 'Patio cleaner', 'Detergent bottle'], 'Run clean water through it before storing. Keep it from frost.', 5, 160],
  ['ladders', 'Stepladder (3 steps)', [], 'Check both locks click before climbing.', 7, 40],
  ['ladders', 'Extension ladder (2 × 10 rungs)', ['Stand-off bracket'], 'Needs two people to carry and set up.', 5, 150],
  ['ladders', 'Platform ladder', ['Tool tray'], '', 7, 120],
  ['kitchen', 'Jam pan and jars funnel', ['Funnel', 'Thermometer'], 'Scrub it well: sugar left in it burns next time.', 14, 45],
  ['kitchen', 'Stand mixer', ['Dough hook', 'Whisk', 'Beater', 'Bowl'], 'All attachments wash by hand.', 7, 200],
  ['kitchen', 'Pasta machine', ['Clamp', 'Handle'], 'Never wash it with water: brush it clean.', 14, 40],
  ['kitchen', 'Large stock pot (20 l)', ['Lid'], '', 14, 35],
  ['kitchen', 'Dehydrator', ['Trays (5)', 'Fruit leather sheet'], '', 14, 70],
  ['kitchen', 'Party urn (30 cups)', ['Lid', 'Cable'], 'Descale it after every party.', 5, 60],
  ['cleaning', 'Carpet cleaner', ['Upholstery tool', 'Hose', 'Clean water tank', 'Dirty water tank'], 'Empty and rinse both tanks, then leave them open to dry.', 5, 190],
  ['cleaning', 'Wet and dry vacuum', ['Hose', 'Floor head', 'Crevice tool', 'Filter'], 'Empty the drum. Dry the filter before it goes back.', 7, 90],
  ['cleaning', 'Window cleaning kit', ['Squeegee', 'Extension pole', 'Bucket'], '', 14, 35],
  ['bikes', 'Bike repair stand', ['Clamp head'], '', 14, 80],
  ['bikes', 'Bike tool kit', ['Chain tool', 'Tyre levers', 'Cone spanners', 'Hex keys', 'Case'], 'Everything has a slot in the case: check before passing it on.', 14, 60],
  ['bikes', 'Child bike trailer', ['Hitch', 'Rain cover', 'Flag'], 'Fold it with the harness inside.', 7, 150],
  ['bikes', 'Track pump', [], '', 14, 30],
  ['camping', 'Family tent (6 person)', ['Poles', 'Pegs', 'Fly sheet', 'Groundsheet', 'Bag'], 'Dry it fully before packing, even if that takes a day.', 14, 220],
  ['camping', 'Camping stove', ['Windshield', 'Pan set'], 'Gas canisters are not included.', 14, 50],
  ['camping', 'Cool box', [], '', 14, 35],
  ['camping', 'Sleeping mats (pair)', ['Repair patches'], '', 14, 40],
  ['moving', 'Sack truck', [], 'Straps go under the shelf.', 5, 70],
  ['moving', 'Furniture dolly (pair)', [], '', 5, 40],
  ['moving', 'Moving blankets (set of 6)', ['Bag'], 'Shake them out before folding.', 7, 45],
  ['moving', 'Ratchet straps (set of 4)', [], '', 7, 25],
  ['sewing', 'Sewing machine', ['Foot pedal', 'Bobbin case', 'Presser feet', 'Cover'], 'Use the bobbins in the box. Cover it when done.', 14, 160],
  ['sewing', 'Overlocker', ['Foot pedal', 'Tweezers', 'Cover'], 'Only a caretaker rethreads it: ask if it misbehaves.', 14, 240],
  ['sewing', 'Knitting machine', ['Clamps', 'Weights'], '', 21, 130],
  ['electronics', 'Soldering station', ['Stand', 'Spare tips', 'Brass sponge'], 'Tin the tip before switching off.', 14, 70],
  ['electronics', 'Multimeter', ['Probes'], 'Turn it to OFF: the battery drains otherwise.', 14, 35],
  ['electronics', 'Projector', ['Cable (HDMI)', 'Remote', 'Power cable', 'Bag'], 'Let the fan stop before unplugging it.', 5, 300],
  ['electronics', 'PA speaker', ['Microphone', 'Stand', 'Cable'], '', 5, 250],
  ['other', 'Folding tables (pair)', [], '', 5, 80],
  ['other', 'Gazebo (3 × 3 m)', ['Weights', 'Side walls', 'Bag'], 'Never leave it up in wind.', 5, 150],
  ['other', 'Stud finder', [], '', 14, 25],
  ['other', 'Tile cutter', ['Spare wheel'], 'Rinse the tile dust off.', 7, 65],
];

const AREAS = ['North end', 'Old mill', 'Riverside', 'Station quarter', 'Chapel hill', 'Market square', 'The allotments'];
const HANDOFF_NOTES = ['Cleaned and oiled', 'Works fine', 'Battery at half', 'A bit dusty', 'Blade could use sharpening', 'All good, thanks!', 'Returned a day late, sorry'];
const AUDIT_NOTES = ['All parts there', 'Oiled the hinges', 'Cord checked', 'Cleaned', 'Needs a new case soon'];
const PROBLEMS = ['Stops after a few seconds of use.', 'The cord is frayed near the plug.', 'A wheel came off.\nThe axle looks bent.', 'Switch sticks in the on position.', 'Cracked housing near the handle.'];
const FIXES = ['Replaced the switch and tested it for ten minutes.', 'New cord fitted and checked.', 'Straightened the axle and fitted a new wheel.', 'Glued and clamped the housing overnight.', 'Cleaned the contacts; works again.'];
const PARTS = ['Switch', 'Two metres of cord and a plug', 'Wheel and washer', 'Epoxy glue', ''];
const TUTORIALS: readonly (readonly [ToolCategory, string, string])[] = [
  ['garden', 'Sharpening shears and loppers', 'Wipe the blades clean first.\n\n1. Clamp the shears open.\n2. File the bevel in one direction only.\n3. Oil the pivot and the spring.'],
  ['power-tools', 'Looking after drill batteries', 'Do not leave batteries flat for weeks.\nStore them half charged, away from frost.\n\nIf a battery gets hot while charging, stop and tell a caretaker.'],
  ['bikes', 'Fixing a puncture with the bike kit', 'Take the wheel off and lever the tyre with two levers.\nFind the hole by pumping the tube and listening.\n\nRoughen, glue, wait a minute, patch, press.'],
  ['sewing', 'Threading the sewing machine', 'Raise the needle fully.\nFollow the numbers printed on the machine.\n\nThread the needle front to back.'],
  ['cleaning', 'Emptying and drying the carpet cleaner', 'Empty both tanks outside.\nRinse the dirty tank twice.\n\nLeave the lids off for a day before storing.'],
];

interface Context {
  readonly circle: Uint8Array;
  readonly members: readonly ToolMember[];
  readonly end: number;
  readonly random: SeededRandom;
  readonly made: { readonly at: number; readonly record: SignedBytes }[];
  readonly areaOf: readonly RecordId[];
  readonly hosts: readonly ToolMember[];
  readonly caretakers: { readonly member: ToolMember; readonly from: number; readonly until: number }[];
}

function add(context: Context, kind: NewRecord['kind'], at: number, body: CborMap, author: ToolMember): SignedBytes {
  const record = makeRecord({ kind, circle: context.circle, at, body }, author.signing);
  context.made.push({ at, record });
  return record;
}

function presentAt(context: Context, at: number, from: readonly ToolMember[] = context.members): ToolMember[] {
  return from.filter((m) => m.joinedAt + DAY < at);
}

function caretakerAt(context: Context, at: number): ToolMember {
  const active = context.caretakers.filter((c) => c.from < at && at < c.until && c.member.joinedAt + DAY < at);
  return active.length > 0 ? context.random.pick(active).member : context.members[0]!;
}

function someoneElse(context: Context, at: number, except: ToolMember, from?: readonly ToolMember[]): ToolMember | undefined {
  const candidates = presentAt(context, at, from).filter((m) => m !== except);
  if (candidates.length === 0) return from === undefined ? undefined : someoneElse(context, at, except);
  return context.random.pick(candidates);
}

/** A gap drawn from an exponential distribution with this mean, at least a day. */
function gap(random: SeededRandom, meanDays: number): number {
  return Math.max(DAY, Math.floor(-Math.log(1 - random.next()) * meanDays * DAY));
}

export function syntheticTools(
  circle: Uint8Array,
  members: readonly ToolMember[],
  span: { readonly start: number; readonly end: number },
  options: SyntheticToolsOptions,
  random: SeededRandom,
  viewer: ToolMember,
): SignedBytes[] {
  const launch = span.start + Math.min(20 * DAY, Math.floor((span.end - span.start) / 10));
  const founder = members[0]!;
  const made: Context['made'] = [];
  // The first members name the areas of the neighbourhood when the library starts.
  const early = members.filter((m) => m.joinedAt + DAY < launch);
  const areas = AREAS.map((name, i) => {
    const author = early[i % Math.min(3, early.length)] ?? founder;
    const record = makeRecord({ kind: 'area.named', circle, at: launch + i * HOUR, body: areaNamedBody(name) }, author.signing);
    made.push({ at: launch + i * HOUR, record });
    return record.id;
  });
  const context: Context = {
    circle,
    members,
    end: span.end,
    random,
    made,
    areaOf: members.map(() => random.pick(areas)),
    hosts: members.filter((m, i) => m === viewer || i % 6 === 1),
    caretakers: [],
  };
  add(context, 'tools.settings', launch + DAY, toolsSettingsBody({ maxHeld: 3, holdHours: 48 }), founder);
  addCaretakers(context, launch);

  const fates = new Map<number, MarkedToolStatus | 'found'>();
  const order = Array.from({ length: options.tools }, (_, i) => i).filter((i) => i > 2);
  for (const fate of ['retired', 'retired', 'retired', 'retired', 'missing', 'missing', 'found'] as const) {
    if (order.length > 0) fates.set(order.splice(random.int(0, order.length), 1)[0]!, fate);
  }
  const conflicts = order.slice(0, 2);
  const openRepairs = new Set(order.slice(2, 5));
  const registrationSpan = Math.min(240 * DAY, (span.end - launch) / 3);
  const byCategory = new Map<ToolCategory, RecordId[]>();
  for (let i = 0; i < options.tools; i++) {
    const at = Math.floor(launch + 2 * DAY + Math.pow(random.next(), 1.5) * registrationSpan);
    const template = random.pick(CATALOGUE);
    const owner = i < 2 && viewer.joinedAt + DAY < at ? viewer : random.pick(presentAt(context, at));
    const toolId = addTool(context, template, owner, at, {
      perYear: options.handoffsPerYear,
      fate: fates.get(i),
      conflict: conflicts[0] === i ? 'middle' : conflicts[1] === i ? 'last' : undefined,
      queue: i === 2 ? viewer : random.chance(0.06) ? null : undefined,
      openRepair: openRepairs.has(i),
    });
    byCategory.set(template[0], [...(byCategory.get(template[0]) ?? []), toolId]);
  }
  addTutorials(context, byCategory, launch);
  made.sort((a, b) => a.at - b.at);
  return made.map((m) => m.record);
}

function addCaretakers(context: Context, launch: number): void {
  const { random, members } = context;
  const count = Math.min(30, Math.max(1, Math.floor(members.length / 5)));
  const chosen = new Set<ToolMember>([members[0]!]);
  for (let attempt = 0; attempt < count * 4 && chosen.size < count; attempt++) chosen.add(random.pick(members));
  for (const member of chosen) {
    const from = Math.max(launch, member.joinedAt + DAY) + random.int(1, 60) * DAY;
    if (from >= context.end - DAY) continue;
    add(context, 'caretaker.volunteer', from, caretakerVolunteerBody(true), member);
    let until = context.end;
    if (random.chance(0.12)) {
      until = random.int(from + 30 * DAY, Math.max(from + 31 * DAY, context.end));
      if (until < context.end) add(context, 'caretaker.volunteer', until, caretakerVolunteerBody(false), member);
    }
    context.caretakers.push({ member, from, until });
  }
}

interface ToolPlan {
  readonly perYear: number;
  readonly fate: MarkedToolStatus | 'found' | undefined;
  readonly conflict: 'middle' | 'last' | undefined;
  /** Requests waiting at the end: from this member, from anyone (null), or none. */
  readonly queue: ToolMember | null | undefined;
  /** A caretaker takes it in for repair in the last days, still open at the end. */
  readonly openRepair: boolean;
}

/** Registers a tool and lives its life to the end of the history; returns its id. */
function addTool(context: Context, template: Template, owner: ToolMember, registeredAt: number, plan: ToolPlan): RecordId {
  const { random, end } = context;
  const [category, name, accessories, careNotes, loanDays, value] = template;
  const full = (1 << accessories.length) - 1;
  const registration = add(
    context,
    'tool.registered',
    registeredAt,
    toolRegisteredBody({
      name,
      category,
      area: context.areaOf[context.members.indexOf(owner)]!,
      accessories,
      careNotes,
      replacementValue: random.chance(0.8) ? value : null,
      loanDays,
      photo: null,
    }),
    owner,
  );
  const tool = registration.id;
  if (random.chance(0.4)) add(context, 'label.claimed', registeredAt + random.int(1, 10) * DAY, labelClaimedBody(toBase64Url(random.bytes(LABEL_BYTES)), tool), owner);

  // Most of a tool's time is spent with a host; loans last about the loan period.
  const loanShare = 0.65;
  const hostMean = Math.max(5, (365 / plan.perYear - loanShare * loanDays) / (1 - loanShare));
  const fateAt = registeredAt + Math.floor((0.3 + 0.6 * random.next()) * (end - registeredAt));
  let holder = owner;
  let after = tool;
  let role = 'host' as CustodyRole;
  let condition: ToolCondition = 'good';
  let present = full;
  let t = registeredAt;
  let count = 0;
  let fate = plan.fate;
  let conflict = plan.conflict;
  let last: { offer: Uint8Array; at: number; holder: ToolMember; receiver: ToolMember; fields: HandoffFields } | undefined;
  for (;;) {
    const wait = role === 'loan' ? Math.floor(loanDays * (0.5 + 0.8 * random.next()) * DAY) : gap(random, hostMean);
    if (role === 'host' && random.chance(0.3)) {
      const auditAt = t + Math.floor(wait * (0.2 + 0.6 * random.next()));
      if (auditAt < end - HOUR) {
        const note = random.chance(0.6) ? '' : random.pick(AUDIT_NOTES);
        add(context, 'tool.audited', auditAt, toolAuditedBody({ tool, present, condition, note }), caretakerAt(context, auditAt));
      }
    }
    const next = t + wait;
    if (fate !== undefined && next > fateAt) {
      const marker = fate === 'retired' ? holder : caretakerAt(context, fateAt);
      const status = fate === 'found' ? 'missing' : fate;
      const note = status === 'retired' ? 'Worn out beyond repair' : 'Not where it should be; ask around';
      add(context, 'tool.status', fateAt, toolStatusBody(tool, status, note), marker);
      if (fate !== 'found') break;
      const foundAt = fateAt + random.int(20, 60) * DAY;
      if (foundAt >= end - DAY) break;
      add(context, 'tool.status', foundAt, toolStatusBody(tool, 'found', 'It was in the community shed'), holder);
      fate = undefined;
      t = foundAt;
      continue;
    }
    if (next >= end - 2 * HOUR) break;
    t = next;
    const toHost: boolean = role === 'loan' ? random.chance(0.45) : random.chance(0.15);
    const receiver = someoneElse(context, t, holder, toHost ? context.hosts : undefined);
    if (receiver === undefined) continue;
    const newRole: CustodyRole = toHost ? 'host' : 'loan';
    if (newRole === 'loan' && random.chance(0.3)) addRequest(context, tool, receiver, Math.max(t - random.int(1, 8) * DAY, t - Math.floor(wait / 2)), t);

    condition = condition === 'good' ? (random.chance(0.1) ? 'worn' : random.chance(0.03) ? 'damaged' : 'good') : random.chance(0.06) ? 'damaged' : condition;
    present = present !== full && random.chance(0.5) ? full : random.chance(0.04) && full > 0 ? full & ~(1 << random.int(0, accessories.length)) : present;
    const offer = makeHandoffOffer({ circle: context.circle, tool, after, at: t }, holder.signing);
    const fields: HandoffFields = {
      role: newRole,
      present,
      condition,
      area: newRole === 'host' ? context.areaOf[context.members.indexOf(receiver)]! : null,
      note: random.chance(0.8) ? '' : random.pick(HANDOFF_NOTES),
    };
    const signedAt = t + random.int(1, 9) * MINUTE;
    const handoff = add(context, 'tool.handoff', signedAt, toolHandoffBody(offer.bytes, fields), receiver);
    count++;
    if (conflict === 'middle' && count === 3) {
      countersignAgain(context, offer.bytes, holder, receiver, fields, signedAt);
      conflict = undefined;
    }
    last = { offer: offer.bytes, at: signedAt, holder, receiver, fields };
    after = handoff.id;
    holder = receiver;
    role = newRole;
    t = signedAt;
    if (condition === 'damaged') {
      const openedAt = t + random.int(1, 3) * DAY;
      if (openedAt >= end - HOUR) break;
      const opener = random.chance(0.5) ? holder : caretakerAt(context, openedAt);
      const repair = add(context, 'repair.opened', openedAt, repairOpenedBody(tool, random.pick(PROBLEMS)), opener);
      const closedAt = openedAt + random.int(3, 21) * DAY;
      // A repair still open at the end keeps the tool out of circulation.
      if (closedAt >= end - HOUR) break;
      const k = random.int(0, FIXES.length);
      add(context, 'repair.closed', closedAt, repairClosedBody({ repair: repair.id, fix: FIXES[k]!, parts: PARTS[k]!, minutes: random.int(15, 240) }), caretakerAt(context, closedAt));
      condition = 'good';
      t = closedAt;
    }
  }
  // A tool with too short a life for a conflict in its middle has one at its last handoff.
  if (conflict !== undefined && last !== undefined) countersignAgain(context, last.offer, last.holder, last.receiver, last.fields, last.at);
  if (plan.openRepair && fate === undefined && t < end - 10 * DAY) {
    const openedAt = end - random.int(2, 9) * DAY;
    add(context, 'repair.opened', openedAt, repairOpenedBody(tool, random.pick(PROBLEMS)), caretakerAt(context, openedAt));
  }
  if (plan.queue !== undefined && fate === undefined && t < end - 15 * DAY) {
    const waiting = new Set<ToolMember>();
    for (let i = plan.queue === null ? random.int(1, 4) : 1; i > 0; i--) {
      const requester = plan.queue ?? someoneElse(context, end - 15 * DAY, holder);
      if (requester !== undefined && requester !== holder) waiting.add(requester);
    }
    for (const requester of waiting) addRequest(context, tool, requester, end - random.int(2, 14) * DAY, end, false);
  }
  return tool;
}

/** A second neighbour countersigns the same offer a few minutes later: a custody conflict. */
function countersignAgain(
  context: Context,
  offer: Uint8Array,
  holder: ToolMember,
  first: ToolMember,
  fields: HandoffFields,
  at: number,
): void {
  const candidates = presentAt(context, at).filter((m) => m !== holder && m !== first);
  if (candidates.length === 0) return;
  add(context, 'tool.handoff', at + context.random.int(2, 7) * MINUTE, toolHandoffBody(offer, { ...fields, note: '' }), context.random.pick(candidates));
}

/** A member asks for a tool; now and then someone else asks too and later leaves the queue. */
function addRequest(context: Context, tool: RecordId, requester: ToolMember, at: number, before: number, settled = true): void {
  const { random } = context;
  const requestAt = Math.max(at, requester.joinedAt + DAY + HOUR);
  if (requestAt >= before) return;
  add(context, 'tool.requested', requestAt, toolRequestedBody(tool), requester);
  if (!settled || !random.chance(0.1)) return;
  const other = someoneElse(context, requestAt, requester);
  if (other === undefined) return;
  const request = add(context, 'tool.requested', requestAt + random.int(1, 12) * HOUR, toolRequestedBody(tool), other);
  add(context, 'tool.request.withdrawn', before + random.int(1, 48) * HOUR, toolRequestWithdrawnBody(request.id), other);
}

function addTutorials(context: Context, byCategory: ReadonlyMap<ToolCategory, readonly RecordId[]>, launch: number): void {
  const { random, end } = context;
  let firstId: RecordId | undefined;
  let firstFields: TutorialFields | undefined;
  TUTORIALS.forEach(([category, title, text], i) => {
    const at = launch + Math.floor(((i + 1) / (TUTORIALS.length + 2)) * (end - launch));
    const fields = { replaces: null, tools: (byCategory.get(category) ?? []).slice(0, 20), title, text, photos: [] };
    const record = add(context, 'tutorial.written', at, tutorialWrittenBody(fields), caretakerAt(context, at));
    if (i === 0) {
      firstId = record.id;
      firstFields = fields;
    }
  });
  if (firstId !== undefined && firstFields !== undefined) {
    const at = end - random.int(20, 60) * DAY;
    const text = `${firstFields.text}\n\nFor loppers, open the handles wide and work from the pivot outwards.`;
    add(context, 'tutorial.written', at, tutorialWrittenBody({ ...firstFields, replaces: firstId, text }), caretakerAt(context, at));
  }
}
