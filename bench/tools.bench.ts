// The tool library's budgets, in Node, over a circle of 150 members with 300
// tools that have changed hands 5,000 times (with rival handoffs from phones
// that were offline, requests, withdrawals, repairs and audits). Building the
// records is setup, not measured.
//   tools.project_ms   projectTools over all of it, median of 9 after 3
//                      warm-ups. Budget: at most 50 ms.
//   tools.rotation_ms  the caretaker duos of the 300th cycle, every earlier
//                      cycle worked out on the way (all 150 members
//                      volunteers), median of 9 after 3 warm-ups
import { caretakerDuos, caretakerInput } from '../src/domain/caretakers';
import { projectCircle } from '../src/domain/circle';
import type { CircleEvent, MemberKey } from '../src/domain/events';
import { seededRandom } from '../src/domain/random';
import type { ToolHandedOver } from '../src/domain/tool-events';
import { projectTools } from '../src/domain/tools';
import { report } from './lib/print';
import { median, note, summary, timeRuns } from './lib/stats';

const MEMBERS = 150;
const TOOLS = 300;
const HANDOFFS = 5_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CYCLE = 28 * DAY;
const T0 = Date.UTC(2024, 0, 1);

const random = seededRandom(2025);
const member = (n: number): MemberKey => `member-${n}`;
const anyMember = (): MemberKey => member(random.int(0, MEMBERS));
const events: CircleEvent[] = [
  { kind: 'circle.founded', id: 'founding', author: member(0), at: T0 - DAY, circleName: 'Bench', founderName: 'Founder', founderBoxKey: 'box' },
];
for (let n = 1; n < MEMBERS; n++) {
  events.push({ kind: 'member.admitted', id: `admit-${n}`, author: member(0), at: T0 - DAY + n, member: member(n), boxKey: `box-${n}`, name: `Member ${n}` });
}
for (let n = 0; n < MEMBERS; n++) events.push({ kind: 'caretaker.volunteer', id: `vol-${n}`, author: member(n), at: T0, willing: true });

// Each tool's tip: the record a new offer names, who holds it, and since when.
const tips: { id: string; holder: MemberKey; at: number }[] = [];
for (let t = 0; t < TOOLS; t++) {
  const id = `tool-${t}`;
  const by = anyMember();
  const at = T0 + t * HOUR;
  events.push({
    kind: 'tool.registered',
    id,
    author: by,
    at,
    name: `Tool ${t}`,
    category: 'hand-tools',
    area: null,
    accessories: ['case', 'charger'],
    careNotes: '',
    replacementValue: 50,
    loanDays: 7,
    photo: null,
  });
  tips.push({ id, holder: by, at });
}
let rivals = 0;
for (let h = 0; h < HANDOFFS; h++) {
  const t = random.int(0, TOOLS);
  const tip = tips[t]!;
  let to = anyMember();
  while (to === tip.holder) to = anyMember();
  const at = tip.at + random.int(1, 72) * HOUR;
  const made: ToolHandedOver = {
    kind: 'tool.handoff',
    id: `handoff-${h}`,
    author: to,
    at,
    offer: { id: `offer-${h}`, tool: `tool-${t}`, holder: tip.holder, after: tip.id, at: at - HOUR },
    role: random.chance(0.6) ? 'loan' : 'host',
    present: random.chance(0.95) ? 3 : 1,
    condition: random.chance(0.97) ? 'good' : 'damaged',
    area: null,
    note: '',
  };
  events.push(made);
  // Now and then the same offer is countersigned on a second, offline phone.
  if (random.chance(0.02)) {
    let other = anyMember();
    while (other === tip.holder || other === to) other = anyMember();
    events.push({ ...made, id: `rival-${h}`, author: other, at: at + HOUR });
    rivals++;
  }
  tips[t] = { id: made.id, holder: to, at };
  if (random.chance(0.2)) events.push({ kind: 'tool.requested', id: `request-${h}`, author: anyMember(), at: at + HOUR, tool: `tool-${t}` });
  if (random.chance(0.03)) {
    events.push({ kind: 'tool.request.withdrawn', id: `withdrawal-${h}`, author: anyMember(), at: at + 2 * HOUR, request: `request-${h - 1}` });
  }
  if (random.chance(0.02)) {
    events.push({ kind: 'repair.opened', id: `repair-${h}`, author: anyMember(), at: at + HOUR, tool: `tool-${t}`, problem: 'worn' });
    if (random.chance(0.7)) {
      events.push({ kind: 'repair.closed', id: `fixed-${h}`, author: anyMember(), at: at + DAY, repair: `repair-${h}`, fix: 'fixed', parts: '', minutes: 30 });
    }
  }
  if (random.chance(0.02)) {
    events.push({ kind: 'tool.audited', id: `audit-${h}`, author: anyMember(), at: at + 2 * HOUR, tool: `tool-${t}`, present: 3, condition: 'worn', note: '' });
  }
}
// Arrival order on a phone is not record order.
for (let i = events.length - 1; i > 0; i--) {
  const j = random.int(0, i + 1);
  [events[i], events[j]] = [events[j]!, events[i]!];
}
const membership = projectCircle(events);
note(`setup: ${events.length} records, ${HANDOFFS} handoffs and ${rivals} rival countersignatures over ${TOOLS} tools`);

let state = projectTools(events, membership);
const runs = timeRuns(() => {
  state = projectTools(events, membership);
}, 3, 9);
const counted = [...state.tools.values()].reduce((sum, tool) => sum + tool.custody.length, 0);
if (state.tools.size !== TOOLS || counted !== HANDOFFS) throw new Error(`projection lost records: ${state.tools.size} tools, ${counted} handoffs counted`);
if (state.conflicts.length !== rivals) throw new Error(`expected ${rivals} conflicts, found ${state.conflicts.length}`);
note(`projectTools runs (ms): ${summary(runs)}`);
report('tools.project_ms', median(runs), 'ms');

const cycleStart = (index: number): number => T0 + index * CYCLE;
const rotationRuns = timeRuns(() => {
  // A fresh input each run, so no run reads another's remembered result.
  const duos = caretakerDuos(caretakerInput(state, membership, cycleStart), 300);
  if (duos.duos.length === 0) throw new Error('no duos in the 300th cycle');
}, 3, 9);
note(`rotation runs (ms): ${summary(rotationRuns)}`);
report('tools.rotation_ms', median(rotationRuns), 'ms');
