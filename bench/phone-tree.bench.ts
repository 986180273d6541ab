// The phone tree of an alert, in Node: 300 members to reach, a third of them
// callers, fan-out 3, a new seed each run as each alert brings its own id.
// Making the keys is setup, not measured.
//   defense.tree_300_ms  phoneTree over them, median of 51 runs after 20
//                        warm-ups. Budget: at most 10 ms.
import type { MemberKey } from '../src/domain/events';
import { phoneTree } from '../src/domain/phone-tree';
import { seededRandom } from '../src/domain/random';
import { report } from './lib/print';
import { median, note, summary, timeRuns } from './lib/stats';

const MEMBERS = 300;
const FANOUT = 3;

const random = seededRandom(2025);
// Keys as records carry them: 32 bytes of public key in unpadded base64url.
const keyOf = (bytes: Uint8Array): MemberKey => Buffer.from(bytes).toString('base64url');
const members: MemberKey[] = Array.from({ length: MEMBERS }, () => keyOf(random.bytes(32)));
const callers = new Set(members.filter((_, n) => n % 3 === 0));
const root = members[1]!;

let alert = 0;
let depth = 0;
let unassigned = 0;
const runs = timeRuns(() => {
  const tree = phoneTree({ members, callers, root, fanout: FANOUT, seed: `alert-${alert++}` });
  depth = tree.maxDepth;
  unassigned = tree.unassigned.length;
  if (tree.depth.size + unassigned !== MEMBERS) throw new Error(`the tree lost members: ${tree.depth.size} placed, ${unassigned} unassigned`);
}, 20, 51);
note(`${MEMBERS} members, ${callers.size} callers, fan-out ${FANOUT}: depth ${depth}, ${unassigned} unassigned`);
note(`phoneTree runs (ms): ${summary(runs, 2)}`);
report('defense.tree_300_ms', median(runs), 'ms', 2);
