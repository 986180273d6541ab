/**
 * One sync session over one channel: the membership handshake, then
 * y-protocols sync (step 1: my state vector; step 2: what you lack; then each
 * new update as it happens). Every update from the peer passes the guard and
 * the replica's own checks before it touches the document, so a peer can waste
 * a session, never the circle. A host at a gathering runs one session per
 * guest on the same document: an update from one guest is applied with that
 * session as its origin and forwarded by every other session, so updates relay
 * through the host and everyone connected converges.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { toBase64Url } from '../records/bytes';
import type { SigningKeys } from '../records/crypto';
import type { Replica } from '../replica/replica';
import type { Channel } from './channel';
import { Reassembler, splitMessage } from './chunks';
import type { InFlight } from './chunks';
import { MAX_UPDATE_BYTES } from './guard';
import type { UpdateGuard } from './guard';
import { checkProof, makeHello, makeProof, parseHello } from './handshake';
import type { CircleKeys, Hello } from './handshake';
import { readVarBytes, readVarUint } from './varint';
import { deflate, inflate } from './deflate';
import { SessionPresence } from './presence';
import type { Presence } from './presence';

const enum Message {
  Hello = 1,
  Proof = 2,
  Sync = 3,
  Synced = 4,
  Bye = 5,
  /** Another message, deflated: body = deflate(type | body). */
  Deflated = 6,
  /** Who is here: y-websocket's awareness message (sync/presence.ts). */
  Awareness = 7,
}
/** Messages smaller than this go as they are: compressing them saves nothing worth the time. */
const DEFLATE_FROM_BYTES = 1024;
const MAX_STATE_VECTOR_BYTES = 64 * 1024;
/** Messages waiting to be handled; a peer that floods past this is cut off. */
const MAX_INBOX = 512;

export type SessionState = 'handshake' | 'syncing' | 'synced' | 'closed';

export type CloseReason =
  | 'done'
  | 'channel-closed'
  | 'timeout'
  | 'malformed'
  | 'too-large'
  | 'overloaded'
  | 'other-circle'
  | 'other-version'
  | 'not-a-member'
  | 'bad-proof'
  | 'bad-update'
  | 'peer-left';

export interface SessionStats {
  readonly state: SessionState;
  /** The peer's member key once the handshake has shown it. */
  readonly peer: string | null;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Records this phone received from the peer (checked by the replica as they arrive). */
  readonly recordsIn: number;
  /** Records the peer said it gained from this phone. */
  readonly recordsOut: number;
  readonly closeReason: CloseReason | null;
  /** The message arriving in pieces right now, if any. */
  readonly incoming: InFlight | null;
  /** The peer's awareness state while it is present: its proven key and the name it gives. */
  readonly presence: Presence | null;
}

export interface SessionOptions {
  readonly channel: Channel;
  readonly replica: Replica;
  readonly circle: CircleKeys;
  readonly me: SigningKeys;
  /** This member's admission record, shown to a peer that may not have it yet. */
  readonly myAdmission: Uint8Array | null;
  readonly guard: UpdateGuard;
  readonly random: (length: number) => Uint8Array;
  /** Whether a key belongs to a member, by what this phone knows now. */
  readonly isMember: (key: string) => boolean;
  /** Whether the record proves that key's admission by a member this phone knows. */
  readonly admits: (admission: Uint8Array, key: string) => boolean;
  readonly handshakeTimeoutMs?: number;
  /** The name this member goes by, told to the peer by awareness after the handshake. */
  readonly myName?: string;
}

export class SyncSession {
  private state: SessionState = 'handshake';
  private readonly reassembler = new Reassembler(MAX_UPDATE_BYTES + 1024);
  private readonly mine: Hello;
  private theirs: Hello | null = null;
  private proofChecked = false;
  private inbox: Promise<void> = Promise.resolve();
  private inboxDepth = 0;
  private outbox: Promise<void> = Promise.resolve();
  private nextMessageId = 1;
  private stats: Omit<SessionStats, 'state' | 'incoming' | 'presence'> = {
    peer: null,
    bytesIn: 0,
    bytesOut: 0,
    recordsIn: 0,
    recordsOut: 0,
    closeReason: null,
  };
  private readonly presence: SessionPresence;
  /** The last whole percent of a message in flight that listeners were told. */
  private shownPercent = -1;
  private readonly listeners = new Set<(stats: SessionStats) => void>();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.state === 'handshake' || this.state === 'closed') return;
    this.sendSync((encoder) => syncProtocol.writeUpdate(encoder, update));
  };

  constructor(private readonly options: SessionOptions) {
    this.mine = makeHello(options.circle, options.me.publicKey, options.random(32), options.myAdmission);
    this.presence = new SessionPresence(
      options.replica.doc,
      { member: toBase64Url(options.me.publicKey), name: options.myName ?? '' },
      (message) => this.send(Message.Awareness, message),
      () => this.emit(),
    );
    options.channel.onMessage((chunk) => this.receive(chunk));
    options.channel.onClose(() => this.finish('channel-closed', false));
    this.timer = setTimeout(() => {
      if (this.state === 'handshake') this.finish('timeout');
    }, options.handshakeTimeoutMs ?? 15_000);
    this.send(Message.Hello, this.mine.bytes);
  }

  current(): SessionStats {
    const incoming = this.state === 'closed' ? null : this.reassembler.inFlight();
    return { state: this.state, ...this.stats, incoming, presence: this.presence.peer() };
  }

  onChange(listener: (stats: SessionStats) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.finish('done');
  }

  /** Resolves once everything queued so far has been handed to the carrier. */
  flushed(): Promise<void> {
    return this.outbox;
  }

  private receive(chunk: Uint8Array): void {
    if (this.state === 'closed') return;
    this.stats = { ...this.stats, bytesIn: this.stats.bytesIn + chunk.length };
    const piece = this.reassembler.accept(chunk);
    if (!piece.ok) return this.finish(piece.error);
    if (piece.value === null) return this.progressed();
    if (this.shownPercent !== -1) {
      this.shownPercent = -1;
      this.emit();
    }
    const message = piece.value;
    if (++this.inboxDepth > MAX_INBOX) return this.finish('overloaded');
    this.inbox = this.inbox.then(async () => {
      this.inboxDepth--;
      if (this.state !== 'closed') await this.handle(message);
    });
  }

  private async handle(message: Uint8Array, inflated = false): Promise<void> {
    const type = message[0];
    if (type === Message.Deflated && !inflated) {
      // Only a peer that has proved itself may make this phone inflate anything.
      if (!this.proofChecked) return this.finish('malformed');
      const inner = await inflate(message.subarray(1), MAX_UPDATE_BYTES + 1024);
      return inner === null || inner.length === 0 ? this.finish('too-large') : this.handle(inner, true);
    }
    const body = message.subarray(1);
    if (type === Message.Bye) return this.finish('peer-left', false);
    if (type === Message.Hello && this.theirs === null) return this.onHello(body);
    if (type === Message.Proof && this.theirs !== null && !this.proofChecked) return this.onProof(body);
    if (!this.proofChecked) return this.finish('malformed');
    if (type === Message.Sync) return this.onSync(body);
    if (type === Message.Synced) return this.onSynced(body);
    // Untrusted and optional: a state that does not check out is ignored, the link stays.
    if (type === Message.Awareness) return void this.presence.receive(body);
    return this.finish('malformed');
  }

  private onHello(body: Uint8Array): void {
    const hello = parseHello(body, this.options.circle);
    if (!hello.ok) return this.finish(hello.error);
    const key = toBase64Url(hello.value.memberKey);
    const member =
      this.options.isMember(key) || (hello.value.admission !== null && this.options.admits(hello.value.admission, key));
    if (!member) return this.finish('not-a-member');
    this.theirs = hello.value;
    this.send(Message.Proof, makeProof(this.options.circle, this.options.me, this.mine, hello.value));
  }

  private async onProof(body: Uint8Array): Promise<void> {
    const theirs = this.theirs!;
    const checked = checkProof(this.options.circle, body, this.mine, theirs);
    if (!checked.ok) return this.finish(checked.error);
    this.proofChecked = true;
    clearTimeout(this.timer);
    this.stats = { ...this.stats, peer: toBase64Url(theirs.memberKey) };
    // A newcomer's admission proved who they are; keep it, as any valid record.
    if (theirs.admission !== null) await this.options.replica.add(theirs.admission);
    this.setState('syncing');
    this.options.replica.doc.on('update', this.onDocUpdate);
    this.sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.options.replica.doc));
    this.presence.start(this.stats.peer!);
  }

  private async onSync(body: Uint8Array): Promise<void> {
    const reader = { bytes: body, offset: 0 };
    const kind = readVarUint(reader);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = readVarBytes(reader, MAX_STATE_VECTOR_BYTES);
      if (stateVector === null) return this.finish('malformed');
      let diff: Uint8Array;
      try {
        diff = Y.encodeStateAsUpdate(this.options.replica.doc, stateVector);
      } catch {
        return this.finish('malformed');
      }
      // Written as y-protocols writes step 2, from the diff already computed (and checked) here.
      this.sendSync((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, diff);
      });
      return;
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) return this.finish('malformed');
    const update = readVarBytes(reader, MAX_UPDATE_BYTES);
    if (update === null) return this.finish('malformed');
    const verdict = await this.options.guard.check(update);
    if (verdict !== 'ok' && !(verdict === 'empty' && kind === syncProtocol.messageYjsUpdate)) return this.finish('bad-update');
    if (verdict === 'empty') return;
    const entries = this.options.replica.doc.getMap('records');
    const before = entries.size;
    const applied = this.options.replica.applyRemoteUpdate(update, this);
    if (!applied.ok) return this.finish(applied.error === 'too-large' ? 'too-large' : 'bad-update');
    // Entries received; the replica checks their signatures in slices, after this.
    const gained = entries.size - before;
    this.stats = { ...this.stats, recordsIn: this.stats.recordsIn + gained };
    if (kind === syncProtocol.messageYjsSyncStep2) {
      const ack = encoding.createEncoder();
      encoding.writeVarUint(ack, this.stats.recordsIn);
      this.send(Message.Synced, encoding.toUint8Array(ack));
      this.setState('synced');
    } else {
      this.emit();
    }
  }

  private onSynced(body: Uint8Array): void {
    const received = readVarUint({ bytes: body, offset: 0 });
    if (received === null) return this.finish('malformed');
    this.stats = { ...this.stats, recordsOut: received };
    this.emit();
  }

  private sendSync(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    write(encoder);
    this.send(Message.Sync, encoding.toUint8Array(encoder));
  }

  private send(type: Message, body: Uint8Array): void {
    const plain = new Uint8Array(body.length + 1);
    plain[0] = type;
    plain.set(body, 1);
    const messageId = this.nextMessageId++;
    this.outbox = this.outbox.then(async () => {
      let message = plain;
      if (plain.length >= DEFLATE_FROM_BYTES) {
        const packed = await deflate(plain);
        if (packed.length + 1 < plain.length) {
          message = new Uint8Array(packed.length + 1);
          message[0] = Message.Deflated;
          message.set(packed, 1);
        }
      }
      for (const piece of splitMessage(message, this.options.channel.maxMessageBytes, messageId)) {
        if (this.state === 'closed' && type !== Message.Bye) return;
        await this.options.channel.drained();
        this.options.channel.send(piece);
        this.stats = { ...this.stats, bytesOut: this.stats.bytesOut + piece.length };
      }
      this.emit();
    });
  }

  /** Listeners hear of a message in flight when its whole percent changes, not on every piece. */
  private progressed(): void {
    const inFlight = this.reassembler.inFlight();
    if (inFlight === null) return;
    const percent = Math.floor((100 * inFlight.pieces) / inFlight.count);
    if (percent === this.shownPercent) return;
    this.shownPercent = percent;
    this.emit();
  }

  private setState(state: SessionState): void {
    this.state = state;
    this.emit();
  }

  private emit(): void {
    const stats = this.current();
    for (const listener of this.listeners) listener(stats);
  }

  private finish(reason: CloseReason, tellPeer = true): void {
    if (this.state === 'closed') return;
    clearTimeout(this.timer);
    this.options.replica.doc.off('update', this.onDocUpdate);
    this.stats = { ...this.stats, closeReason: reason };
    this.presence.close();
    if (tellPeer) {
      const message = new Uint8Array([Message.Bye]);
      try {
        this.options.channel.send(splitMessage(message, this.options.channel.maxMessageBytes, 0)[0]!);
      } catch {
        // The channel is already gone: nothing to tell.
      }
    }
    this.state = 'closed';
    this.options.channel.close(reason);
    this.emit();
  }
}
