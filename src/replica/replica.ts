/**
 * One circle's replica: a Yjs document whose "records" map holds every signed
 * record keyed by its id, the local archive behind it, and the projection of
 * the valid records into the circle's state.
 *
 * Nothing a peer sends can make this phone lose a record: entries are checked
 * before they count, and a valid record that a remote update deletes or
 * overwrites is put back from the archive.
 */
import * as Y from 'yjs';
import { projectCircle } from '../domain/circle';
import type { CircleState } from '../domain/circle';
import type { CircleEvent } from '../domain/events';
import { bytesEqual } from '../records/bytes';
import { decodeEnvelope } from '../records/envelope';
import { KIND_CODES } from '../records/kinds/codes';
import { readTrustedRecord } from '../records/validate';
import type { RecordRejection, VerifiedRecord } from '../records/validate';
import type { validateRecords } from '../records/verify-record';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { ArchivedRecord, RecordArchive } from './archive';

/** A sync of years of a large circle stays far below this; anything bigger is refused unread. */
export const MAX_REMOTE_UPDATE_BYTES = 32 * 1024 * 1024;
const RECORDS_MAP = 'records';
/** Transaction origins, so observers know who changed the document. */
const LOCAL = Symbol('local');
const RESTORE = Symbol('restore');

export interface RejectedEntry extends RecordRejection {
  readonly id: string;
}

export interface ReplicaSnapshot {
  readonly circle: CircleState;
  readonly rejected: readonly RejectedEntry[];
  readonly recordCount: number;
  /**
   * Every valid record's event, in the order this phone came to know them. The
   * log only grows (valid records are never dropped), so a projection can keep
   * its state and read just the events after the ones it has seen.
   */
  readonly events: readonly CircleEvent[];
  /** How many records a peer removed or overwrote and this phone put back. */
  readonly restoredCount: number;
  /** The last write to the archive failed (storage full or blocked). */
  readonly storageFailed: boolean;
  /** Records received whose signatures are still to be checked. */
  readonly unverified: number;
}

export interface DocPersistence {
  /** Issues any writes still waiting; called when the page is hidden or closed. */
  flush(): void;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  readonly circleId: Uint8Array;
  readonly archive: RecordArchive;
  /** Attaches durable storage to the document and resolves once its content is loaded. */
  readonly persist?: (doc: Y.Doc) => Promise<DocPersistence>;
  readonly maxRemoteUpdateBytes?: number;
  /** Schedules the next slice of signature checks; by default the next task. */
  readonly nextSlice?: (task: () => void) => void;
}

export type RemoteUpdateProblem = 'too-large' | 'malformed';

const MEMBERSHIP_KINDS = new Set<CircleEvent['kind']>(['circle.founded', 'member.admitted', 'member.profile']);
const SHAPING_CODES = new Set<number>([...MEMBERSHIP_KINDS, 'circle.settings' as const].map((kind) => KIND_CODES[kind]));

/** Membership and settings records: read from the envelope only, before any signature is checked. */
function shapesMembership(bytes: Uint8Array): boolean {
  const envelope = decodeEnvelope(bytes);
  return envelope.ok && SHAPING_CODES.has(envelope.value.payload.kindCode);
}

type RecordsValidator = typeof validateRecords;
let validatorLoad: Promise<RecordsValidator> | undefined;

/**
 * Checking signatures takes the curve arithmetic, which opening the app does
 * not (the archive is re-read without it): it loads with the first record
 * that needs a check, one made on this phone or one from a peer. A failed
 * load is tried again next time.
 */
function loadValidator(): Promise<RecordsValidator> {
  validatorLoad ??= import('../records/verify-record').then(
    (module) => module.validateRecords,
    (error: unknown) => {
      validatorLoad = undefined;
      throw error;
    },
  );
  return validatorLoad;
}

/** How long one slice of signature checks may hold the main thread. */
const VERIFY_SLICE_MS = 12;
/** Records whose signatures one slice checks together, at most. */
const VERIFY_BATCH_RECORDS = 512;
/** How often screens hear of records checked during a long run of slices. */
const VERIFY_NOTIFY_MS = 150;

/**
 * The next task, without the 4 ms that browsers add to nested zero timeouts:
 * over a first sync of thousands of records, those gaps alone would add a
 * quarter to the time spent checking.
 */
function defaultNextSlice(task: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(task, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}

export class Replica {
  readonly doc = new Y.Doc();
  private readonly records: Y.Map<Uint8Array> = this.doc.getMap(RECORDS_MAP);
  private readonly verified = new Map<string, VerifiedRecord>();
  private readonly eventLog: CircleEvent[] = [];
  private readonly unverified = new Set<string>();
  private lastVerifyNotice = 0;
  private membership: CircleState | null = null;
  private verifying = false;
  private readonly verifiedWaiters: (() => void)[] = [];
  private readonly rejected = new Map<string, RejectedEntry>();
  private readonly listeners = new Set<(snapshot: ReplicaSnapshot) => void>();
  private archiveQueue: ArchivedRecord[] = [];
  private archiveWrites: Promise<void> = Promise.resolve();
  private persistence: DocPersistence | null = null;
  private snapshot: ReplicaSnapshot;
  private restoredCount = 0;
  private notifyScheduled = false;
  private storageFailed = false;
  private closed = false;

  private constructor(private readonly options: ReplicaOptions) {
    this.snapshot = this.computeSnapshot();
    this.records.observe((event) => this.onRecordsChanged(event));
  }

  static async open(options: ReplicaOptions): Promise<Replica> {
    const replica = new Replica(options);
    for (const archived of await options.archive.loadAll()) {
      const record = readTrustedRecord(archived.bytes, options.circleId);
      if (record !== undefined && record.id === archived.id) replica.remember(record);
    }
    if (options.persist !== undefined) replica.persistence = await options.persist(replica.doc);
    replica.restoreMissing();
    replica.snapshot = replica.computeSnapshot();
    return replica;
  }

  get circleId(): Uint8Array {
    return this.options.circleId;
  }

  /** How many valid records this replica holds right now (the snapshot follows a moment later). */
  get size(): number {
    return this.verified.size;
  }

  current(): ReplicaSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: ReplicaSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  has(id: string): boolean {
    return this.verified.has(id);
  }

  /**
   * Checks a record made or received on this phone, stores it durably in the
   * archive and then in the shared document. Resolves once it is on disk.
   */
  async add(bytes: Uint8Array): Promise<Result<VerifiedRecord, RecordRejection>> {
    const [result] = await this.addAll([bytes]);
    return result!;
  }

  /** Like add, for many records in one durable write (an imported file, a batch made here). */
  async addAll(batch: readonly Uint8Array[]): Promise<Result<VerifiedRecord, RecordRejection>[]> {
    const validateRecords = await loadValidator();
    return this.store(await validateRecords(batch.map((bytes) => ({ bytes })), this.options.circleId));
  }

  /**
   * Takes records that come with the app itself (the demo circle, signed at
   * build time and served from the app's own origin, as trusted as its code):
   * their shape and circle are checked, their signatures are not.
   */
  importTrusted(batch: readonly Uint8Array[]): Promise<Result<VerifiedRecord, RecordRejection>[]> {
    return this.store(
      batch.map((bytes) => {
        const record = readTrustedRecord(bytes, this.options.circleId);
        return record === undefined ? err({ problem: 'malformed' as const }) : ok(record);
      }),
    );
  }

  private async store(results: Result<VerifiedRecord, RecordRejection>[]): Promise<Result<VerifiedRecord, RecordRejection>[]> {
    const accepted: VerifiedRecord[] = [];
    for (const result of results) {
      if (!result.ok) continue;
      this.remember(result.value);
      this.queueArchive(result.value);
      accepted.push(result.value);
    }
    await this.flushArchive();
    const missing = accepted.filter((record) => !this.records.has(record.id));
    if (missing.length > 0) {
      this.doc.transact(() => {
        for (const record of missing) this.records.set(record.id, record.bytes);
      }, LOCAL);
    }
    this.scheduleNotify();
    return results;
  }

  /** Applies an update from a peer: bounded in size and parsed fully before it touches the document. */
  applyRemoteUpdate(update: Uint8Array, origin: unknown = 'remote'): Result<void, RemoteUpdateProblem> {
    if (update.byteLength > (this.options.maxRemoteUpdateBytes ?? MAX_REMOTE_UPDATE_BYTES)) return err('too-large');
    try {
      Y.decodeUpdate(update);
    } catch {
      return err('malformed');
    }
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch {
      return err('malformed');
    }
    return ok(undefined);
  }

  /** Writes still queued go out now: called on pagehide and when the page is hidden. */
  flush(): Promise<void> {
    this.persistence?.flush();
    return this.flushArchive();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.persistence?.close();
    this.options.archive.close();
    this.doc.destroy();
  }

  private onRecordsChanged(event: Y.YMapEvent<Uint8Array>): void {
    if (event.transaction.origin === LOCAL) return;
    const restore: string[] = [];
    const later: string[] = [];
    for (const [id, change] of event.changes.keys) {
      const known = this.verified.get(id);
      if (change.action === 'delete') {
        if (known !== undefined) restore.push(id);
        else this.rejected.delete(id);
        continue;
      }
      const value = this.records.get(id);
      if (known !== undefined) {
        if (!(value instanceof Uint8Array) || !bytesEqual(value, known.bytes)) restore.push(id);
        continue;
      }
      // Who is a member decides what every other record means: those go first,
      // so that screens do not rebuild everything after each slice of checks.
      if (value instanceof Uint8Array && shapesMembership(value)) this.unverified.add(id);
      else later.push(id);
    }
    for (const id of later) this.unverified.add(id);
    if (this.unverified.size > 0) this.scheduleVerification();
    if (restore.length > 0) {
      this.restoredCount += restore.length;
      // Yjs runs observers inside the transaction's cleanup; writing from a new task keeps the restore a transaction of its own.
      queueMicrotask(() => this.restore(restore));
    }
    this.scheduleNotify();
  }

  /**
   * Checking a signature takes a phone a millisecond or two: thousands arriving
   * at a first sync are checked in slices that leave the screen responsive,
   * and each slice's valid records count (and reach the archive) as it ends.
   */
  private scheduleVerification(): void {
    if (this.verifying) return;
    this.verifying = true;
    (this.options.nextSlice ?? defaultNextSlice)(() => {
      this.verifySlice().catch(() => {
        // Checking never throws on bad input; if it ever does, later arrivals must still be checked.
        this.verifying = false;
      });
    });
  }

  /**
   * One slice: the records' shapes are read here, within the slice's time,
   * then their signatures are checked together (records/verify-batch.ts), on
   * the platform's own threads where it can.
   */
  private async verifySlice(): Promise<void> {
    // Loaded before any record leaves the queue: should it fail, they stay there for the next try.
    const validateRecords = await loadValidator();
    const deadline = performance.now() + VERIFY_SLICE_MS;
    const batch: { id: string; bytes: Uint8Array }[] = [];
    for (const id of this.unverified) {
      this.unverified.delete(id);
      if (this.verified.has(id) || !this.records.has(id)) continue;
      const value = this.records.get(id);
      if (value instanceof Uint8Array) batch.push({ id, bytes: value });
      else this.rejected.set(id, { id, problem: 'malformed' });
      if (batch.length >= VERIFY_BATCH_RECORDS || performance.now() > deadline) break;
    }
    const results = await validateRecords(batch, this.options.circleId);
    if (this.closed) return;
    results.forEach((result, i) => this.admitRemote(batch[i]!.id, result));
    // One archive write for the slice: a transaction per record would cost more than the checks.
    this.flushArchive().catch(() => {
      // The records are still in the document and on the peer; the next change retries the write.
      this.storageFailed = true;
      this.scheduleNotify();
    });
    // Every screen recomputes what it shows on a notice: during a long run, a few a second are enough.
    const now = performance.now();
    if (this.unverified.size === 0 || now - this.lastVerifyNotice >= VERIFY_NOTIFY_MS) {
      this.lastVerifyNotice = now;
      this.scheduleNotify();
    }
    this.verifying = false;
    if (this.unverified.size > 0) {
      this.scheduleVerification();
    } else {
      for (const resolve of this.verifiedWaiters.splice(0)) resolve();
    }
  }

  /** Resolves once every record received so far has been checked. */
  whenVerified(): Promise<void> {
    if (this.unverified.size === 0 && !this.verifying) return Promise.resolve();
    return new Promise((resolve) => this.verifiedWaiters.push(resolve));
  }

  /** Records received but not checked yet. */
  get unverifiedCount(): number {
    return this.unverified.size;
  }

  private admitRemote(id: string, result: Result<VerifiedRecord, RecordRejection>): void {
    if (this.verified.has(id)) return;
    if (!result.ok) {
      this.rejected.set(id, { id, ...result.error });
      return;
    }
    this.rejected.delete(id);
    this.remember(result.value);
    this.queueArchive(result.value);
  }

  private restore(ids: readonly string[]): void {
    this.doc.transact(() => {
      for (const id of ids) {
        const record = this.verified.get(id);
        const current = this.records.get(id);
        if (record !== undefined && !(current instanceof Uint8Array && bytesEqual(current, record.bytes))) {
          this.records.set(id, record.bytes);
        }
      }
    }, RESTORE);
  }

  /** Archive records the document lacks (a lost write, or a peer's deletion while closed) go back in. */
  private restoreMissing(): void {
    const missing = [...this.verified.keys()].filter((id) => {
      const value = this.records.get(id);
      return !(value instanceof Uint8Array && bytesEqual(value, this.verified.get(id)!.bytes));
    });
    if (missing.length > 0) this.restore(missing);
  }

  private queueArchive(record: VerifiedRecord): void {
    this.archiveQueue.push({ id: record.id, bytes: record.bytes });
  }

  private flushArchive(): Promise<void> {
    if (this.archiveQueue.length > 0) {
      const batch = this.archiveQueue;
      this.archiveQueue = [];
      // A failed write must not wedge every later one: each batch starts after the last settles.
      this.archiveWrites = this.archiveWrites.catch(() => undefined).then(async () => {
        await this.options.archive.putAll(batch);
        this.storageFailed = false;
      });
    }
    return this.archiveWrites;
  }

  private scheduleNotify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      this.snapshot = this.computeSnapshot();
      for (const listener of this.listeners) listener(this.snapshot);
    });
  }

  private remember(record: VerifiedRecord): void {
    if (this.verified.has(record.id)) return;
    this.verified.set(record.id, record);
    this.eventLog.push(record.event);
    if (MEMBERSHIP_KINDS.has(record.event.kind)) this.membership = null;
  }

  private computeSnapshot(): ReplicaSnapshot {
    // Membership changes rarely; most records (exchanges, posts) leave it as it was.
    this.membership ??= projectCircle(this.eventLog);
    return {
      events: this.eventLog,
      circle: this.membership,
      rejected: [...this.rejected.values()],
      recordCount: this.verified.size,
      restoredCount: this.restoredCount,
      storageFailed: this.storageFailed,
      unverified: this.unverified.size,
    };
  }
}
