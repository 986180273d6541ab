// The tool library's code, in Node:
//   qr.handoff_bytes  the largest handoff offer a holder can show (its time at
//                     the end of the record window), in bytes: the QR payload.
//                     Budget ≤ 250 bytes. Every other field has a fixed size.
import { toBase64Url } from '../src/records/bytes';
import { LATEST_RECORD_TIME } from '../src/records/envelope';
import { MAX_OFFER_BYTES, parseHandoffOffer } from '../src/records/kinds/tool-handoff';
import { makeHandoffOffer } from '../src/records/make';
import { syntheticIdentity, DEMO_OPTIONS } from '../src/demo/synthetic';
import { report } from './lib/print';
import { note } from './lib/stats';
import { verify } from '../src/records/signatures';

const identity = syntheticIdentity(DEMO_OPTIONS);
const someId = (n: number): string => toBase64Url(new Uint8Array(32).fill(n));
const largest = makeHandoffOffer(
  { circle: identity.circleId, tool: someId(0xff), after: someId(0xfe), at: LATEST_RECORD_TIME - 1 },
  identity.viewer.signing,
);
if (!parseHandoffOffer(largest.bytes, verify).ok) throw new Error('the largest offer does not read back');
note(`budget: ${MAX_OFFER_BYTES} bytes`);
report('qr.handoff_bytes', largest.bytes.length, 'bytes', 0);
