/**
 * Who is at the other end of a session right now, with y-protocols awareness.
 * After the handshake each end sends its awareness state in y-websocket's
 * message format (messageAwareness, then the encoded awareness update), and
 * renews it as y-protocols does; a state not renewed times out.
 *
 * Awareness is untrusted input. A message is read only if it is small, speaks
 * for exactly one client (the same one for the whole session), and carries
 * exactly { member, name } where member is the key the peer proved in the
 * handshake: a peer cannot present itself as someone else. Anything else is
 * ignored, with nothing stored and the session left open. Only a state rebuilt
 * from the checked fields reaches the awareness object.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { isNormalizedName, MAX_DISPLAY_NAME } from '../domain/names';

/** As y-websocket and y-webrtc number it. */
export const messageAwareness = 1;
/** A state of { member, name } takes well under this. */
export const MAX_AWARENESS_BYTES = 1024;

export interface Presence {
  readonly member: string;
  readonly name: string;
}

interface AwarenessChanges {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

/** y-websocket's awareness message: messageAwareness | update. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

interface Entry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: Presence | null;
}

function readPresence(value: unknown, member: string): Presence | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('member') || !keys.includes('name')) return undefined;
  const state = value as { member: unknown; name: unknown };
  if (state.member !== member || typeof state.name !== 'string' || !isNormalizedName(state.name, MAX_DISPLAY_NAME)) return undefined;
  return { member, name: state.name };
}

/** Reads one awareness message from a peer; undefined when it is to be ignored. */
export function readAwarenessMessage(body: Uint8Array, member: string): Entry | undefined {
  if (body.length > MAX_AWARENESS_BYTES) return undefined;
  try {
    const outer = decoding.createDecoder(body);
    if (decoding.readVarUint(outer) !== messageAwareness) return undefined;
    const update = decoding.readVarUint8Array(outer);
    if (decoding.hasContent(outer)) return undefined;
    const inner = decoding.createDecoder(update);
    // A peer speaks for itself alone.
    if (decoding.readVarUint(inner) !== 1) return undefined;
    const clientId = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    const json = decoding.readVarString(inner);
    if (decoding.hasContent(inner)) return undefined;
    const state = readPresence(JSON.parse(json), member);
    return state === undefined ? undefined : { clientId, clock, state };
  } catch {
    return undefined;
  }
}

/** The awareness of one session: this phone's state going out, the peer's coming in. */
export class SessionPresence {
  private readonly awareness: Awareness;
  private peerKey: string | null = null;
  private peerClient: number | null = null;
  private closed = false;
  private readonly onUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin !== 'local' || this.closed || this.peerKey === null) return;
    if ([...changes.added, ...changes.updated, ...changes.removed].includes(this.awareness.clientID)) this.sendMine();
  };
  private readonly onAwarenessChange = (): void => {
    if (!this.closed) this.onChange();
  };

  constructor(
    doc: Y.Doc,
    private readonly mine: Presence,
    private readonly send: (message: Uint8Array) => void,
    private readonly onChange: () => void,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.on('update', this.onUpdate);
    this.awareness.on('change', this.onAwarenessChange);
  }

  /** After the handshake: the peer proved this key; this phone tells who it is. */
  start(peerKey: string): void {
    if (this.closed) return;
    this.peerKey = peerKey;
    this.awareness.setLocalState({ member: this.mine.member, name: this.mine.name });
  }

  /** Takes a message from the peer; false when it was ignored. */
  receive(body: Uint8Array): boolean {
    if (this.closed || this.peerKey === null) return false;
    const entry = readAwarenessMessage(body, this.peerKey);
    if (entry === undefined || entry.clientId === this.awareness.clientID) return false;
    if (this.peerClient !== null && entry.clientId !== this.peerClient) return false;
    this.peerClient = entry.clientId;
    // Rebuilt from the checked fields only.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
    applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), 'peer');
    return true;
  }

  /** The peer's state while it is present. */
  peer(): Presence | null {
    if (this.peerClient === null) return null;
    const state = this.awareness.getStates().get(this.peerClient) as Presence | undefined;
    return state ?? null;
  }

  /** The link closed: the peer's state goes, and so does the awareness. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.peerClient !== null) removeAwarenessStates(this.awareness, [this.peerClient], 'closed');
    this.awareness.off('update', this.onUpdate);
    this.awareness.off('change', this.onAwarenessChange);
    this.awareness.destroy();
  }

  private sendMine(): void {
    this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [this.awareness.clientID])));
  }
}
