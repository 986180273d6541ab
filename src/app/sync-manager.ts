/**
 * The open circle's links to other phones: every carrier hands its channel
 * here, a session runs on it, and the screens read one list of links and the
 * last sync, whatever the carrier. The last sync is remembered on the phone.
 */
import type { Channel } from '../sync/channel';
import type { UpdateGuard } from '../sync/guard';
import type { SessionStats, SyncSession } from '../sync/session';
import type { Vault } from '../replica/vault';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';
import { startSession } from './sync';
import { receiveSealed } from './offline-sync';
import type { Received, ReceiveProblem } from './offline-sync';
import type { Result } from '../records/result';
import type { JoinedRoom } from '../sync/signaling';

export type Carrier = 'online' | 'gathering' | 'code' | 'file';

export interface LinkInfo {
  readonly id: number;
  readonly carrier: Carrier;
  readonly label: string;
  readonly startedAt: number;
  readonly stats: SessionStats;
}

export interface LastSync {
  readonly at: number;
  /** The other member's key, when the carrier tells (a file does not). */
  readonly peer: string | null;
  readonly carrier: Carrier;
  readonly recordsIn: number;
  readonly recordsOut: number;
}

const LAST_SYNC = 'lastSync:';
/** Progress and counters reach the screen at most this often; a link's state changes at once. */
const PROGRESS_EVERY_MS = 150;

/** How far the message arriving on a link has come, in whole percent, or null when none is. */
export function receivingPercent(link: LinkInfo): number | null {
  const incoming = link.stats.incoming;
  if (incoming === null) return null;
  return Math.min(99, Math.floor((100 * incoming.pieces) / incoming.count));
}

export class SyncManager {
  private readonly sessions = new Map<number, { session: SyncSession; carrier: Carrier; label: string; startedAt: number }>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private last: LastSync | null = null;
  private joined: JoinedRoom | null = null;
  private roomTimer: ReturnType<typeof setInterval> | null = null;
  private lastEmit = 0;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly circle: OpenCircle,
    private readonly guard: UpdateGuard,
    private readonly vault: Vault,
    private readonly deps: AppDeps,
  ) {}

  async load(): Promise<void> {
    this.last = (await this.vault.setting<LastSync>(LAST_SYNC + this.circle.membership.circleId)) ?? null;
    this.emit();
  }

  /** Runs a sync session over a carrier's channel; closed sessions stay listed until cleared. */
  connect(channel: Channel, carrier: Carrier, label: string): SyncSession {
    const id = this.nextId++;
    const session = startSession(this.circle, channel, this.guard, this.deps);
    this.sessions.set(id, { session, carrier, label, startedAt: this.deps.now() });
    let remembered = false;
    let state = session.current().state;
    session.onChange((stats) => {
      if (!remembered && stats.state === 'synced') {
        remembered = true;
        void this.remember({ at: this.deps.now(), peer: stats.peer, carrier, recordsIn: stats.recordsIn, recordsOut: stats.recordsOut });
      }
      if (stats.state !== state) {
        state = stats.state;
        this.emit();
      } else {
        this.emitSoon();
      }
    });
    this.emit();
    return session;
  }

  links(): LinkInfo[] {
    return [...this.sessions].map(([id, entry]) => ({ id, carrier: entry.carrier, label: entry.label, startedAt: entry.startedAt, stats: entry.session.current() }));
  }

  lastSync(): LastSync | null {
    return this.last;
  }

  /** Records a sync that happened without a session: by animated code or by file. */
  async remember(last: LastSync): Promise<void> {
    this.last = last;
    this.emit();
    await this.vault.saveSetting(LAST_SYNC + this.circle.membership.circleId, last);
  }

  /** Takes sealed updates brought by a moving code or a file, through this circle's guard. */
  async receive(sealed: Uint8Array, carrier: 'code' | 'file'): Promise<Result<Received, ReceiveProblem>> {
    const received = await receiveSealed(this.circle, sealed, this.guard);
    if (received.ok) await this.remember({ at: this.deps.now(), peer: null, carrier, recordsIn: received.value.newEntries, recordsOut: 0 });
    return received;
  }

  /** The circle's online room, joined through signaling servers, kept while the circle is open. */
  room(): JoinedRoom | null {
    return this.joined;
  }

  /** Keeps a room that the online carrier joined; each of its links runs a session through connect(). */
  attachRoom(room: JoinedRoom): void {
    this.leaveRoom();
    this.joined = room;
    // The room's own status (servers reached, peers negotiating) changes without a session event.
    this.roomTimer = setInterval(() => this.emit(), 2000);
    this.emit();
  }

  leaveRoom(): void {
    if (this.roomTimer !== null) clearInterval(this.roomTimer);
    this.roomTimer = null;
    this.joined?.leave();
    this.joined = null;
    this.emit();
  }

  /** Forgets links that have ended. */
  clearClosed(): void {
    for (const [id, entry] of this.sessions) if (entry.session.current().state === 'closed') this.sessions.delete(id);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.leaveRoom();
    for (const { session } of this.sessions.values()) session.close();
    this.sessions.clear();
    this.guard.dispose();
    this.listeners.clear();
    if (this.emitTimer !== null) clearTimeout(this.emitTimer);
  }

  private emit(): void {
    if (this.emitTimer !== null) clearTimeout(this.emitTimer);
    this.emitTimer = null;
    this.lastEmit = Date.now();
    for (const listener of this.listeners) listener();
  }

  /** At once if the screen has not heard for a while, else once the while is over. */
  private emitSoon(): void {
    if (this.emitTimer !== null) return;
    const wait = this.lastEmit + PROGRESS_EVERY_MS - Date.now();
    if (wait <= 0) return this.emit();
    this.emitTimer = setTimeout(() => this.emit(), wait);
  }
}
