/**
 * The app's state outside the replica: which circles this phone holds, which is
 * open, the pending join request, the language, and a short notice. Screens
 * read it through useStore and change it only through the actions below.
 */
import type { OpenCircle } from '../../app/open-circle';
import { openCircle } from '../../app/open-circle';
import type { AppDeps } from '../../app/deps';
import { withArea } from '../../i18n/i18n';
import type { Language, Locale } from '../../i18n/i18n';
import type { Area } from '../../i18n/en';
import type { ReplicaSnapshot } from '../../replica/replica';
import type { Membership, PendingDraft, Vault } from '../../replica/vault';
import { CircleViewBuilder } from '../../app/circle-view';
import type { CircleView } from '../../app/circle-view';
import { settlePendingDrafts } from '../../app/pending-drafts';
import type { UnlockOutcome } from '../../app/lock/app-lock';
import { DEFAULT_AUTO_LOCK } from '../../domain/lock-policy';
import type { AutoLockChoice } from '../../domain/lock-policy';
import { LOCK_SETTING } from '../../replica/keyring';
import type { KeyringStatus } from '../../replica/keyring';
import type { SyncManager } from '../../app/sync-manager';

export type Notice = { readonly tone: 'success' | 'error' | 'info'; readonly message: string };

/** The app lock as the screens see it: never the passphrase or a key. */
export interface LockState {
  readonly status: KeyringStatus;
  readonly autoLock: AutoLockChoice;
  readonly hasDuress: boolean;
}

export interface AppState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly failure: string | null;
  readonly memberships: readonly Membership[];
  readonly circle: OpenCircle | null;
  readonly snapshot: ReplicaSnapshot | null;
  /** What the screens show of the open circle, derived from the snapshot. */
  readonly view: CircleView | null;
  /** Exchange drafts this phone showed that still wait for a countersignature. */
  readonly pendingDrafts: readonly PendingDraft[];
  /** The open circle's links to other phones. */
  readonly sync: SyncManager | null;
  /** Grows whenever a link or the last sync changes, so screens re-render. */
  readonly syncVersion: number;
  /** A join request this phone made and still waits to be welcomed for. */
  readonly pendingJoin: { readonly name: string } | null;
  readonly locale: Locale;
  /** The loaded catalogue and date formats of `locale`. */
  readonly language: Language;
  readonly notice: Notice | null;
  readonly lock: LockState;
}

export class AppStore {
  private state: AppState;
  private readonly listeners = new Set<() => void>();
  private unsubscribeReplica: (() => void) | null = null;

  constructor(
    readonly vault: Vault,
    readonly deps: AppDeps,
    locale: Locale,
    language: Language,
  ) {
    this.state = {
      phase: 'loading',
      failure: null,
      memberships: [],
      circle: null,
      snapshot: null,
      view: null,
      pendingDrafts: [],
      sync: null,
      syncVersion: 0,
      pendingJoin: null,
      locale,
      language,
      notice: null,
      lock: { status: 'off', autoLock: DEFAULT_AUTO_LOCK, hasDuress: false },
    };
  }

  get(): AppState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Opens the circle the member last used, or none on a first visit; with the app lock on, nothing until unlocked. */
  async load(): Promise<void> {
    // Most phones have no lock, and load none of its code.
    if ((await this.vault.setting(LOCK_SETTING)) !== undefined) {
      const { loadLock } = await import('../../app/lock/lock-setting');
      await loadLock(this.vault, this.deps.keyring);
      await this.refreshLock();
    }
    this.set({ memberships: await this.vault.memberships(), pendingJoin: await this.pendingJoinSummary() });
    if (this.state.lock.status !== 'locked') await this.openLastUsed();
    this.set({ phase: 'ready' });
  }

  /** Steps every circle's expiry chain to this hour (app/expiry-chains.ts); a failure is retried at the next step. */
  async stepExpiryChains(): Promise<void> {
    try {
      const { stepExpiryChains } = await import('../../app/step-expiry-chains');
      await stepExpiryChains(this.vault, this.deps.now());
    } catch {
      // Storage busy or closed: the chain in memory is stepped on every use regardless.
    }
  }

  private async openLastUsed(): Promise<void> {
    const memberships = await this.vault.memberships();
    const active = await this.vault.setting<string | null>('activeCircle');
    const chosen = memberships.find((m) => m.circleId === active) ?? memberships[0];
    if (chosen !== undefined) await this.show(await openCircle(chosen, this.vault, this.deps));
  }

  /** Reads the lock's setting again, after it was set, changed or turned off. */
  async refreshLock(): Promise<void> {
    const { readLock } = await import('../../app/lock/lock-setting');
    const stored = await readLock(this.vault);
    this.set({
      lock: { status: this.deps.keyring.status(), autoLock: stored?.autoLock ?? DEFAULT_AUTO_LOCK, hasDuress: (stored?.duress ?? null) !== null },
    });
  }

  /** One attempt at the lock screen; the screen reloads the page after a duress wipe. */
  async unlock(passphrase: string): Promise<UnlockOutcome> {
    const { unlock } = await import('../../app/lock/app-lock');
    const outcome = await unlock(this.vault, passphrase, this.deps);
    if (outcome.kind === 'unlocked') {
      this.set({ lock: { ...this.state.lock, status: 'unlocked' } });
      await this.openLastUsed();
    }
    if (outcome.kind === 'duress') await this.eraseEverything();
    return outcome;
  }

  /** Closes the open circle and forgets the lock key: the lock screen shows until the next unlock. */
  async lockNow(): Promise<void> {
    if (this.deps.keyring.status() !== 'unlocked') return;
    await this.show(null);
    this.deps.keyring.lock();
    this.set({ lock: { ...this.state.lock, status: 'locked' }, pendingDrafts: [] });
  }

  /** The panic wipe: every circle and key off this phone. The caller reloads the page, so nothing stays in memory. */
  async eraseEverything(): Promise<void> {
    await this.show(null);
    const { panicWipe } = await import('../../app/lock/panic-wipe');
    await panicWipe(this.vault, this.deps);
    this.set({ memberships: [], pendingJoin: null, pendingDrafts: [], lock: { status: 'off', autoLock: DEFAULT_AUTO_LOCK, hasDuress: false } });
  }

  /** Makes a just-opened circle the one on screen, closing the previous one. */
  async show(circle: OpenCircle | null): Promise<void> {
    const previous = this.state.circle;
    this.unsubscribeReplica?.();
    this.unsubscribeReplica = null;
    this.state.sync?.close();
    if (previous !== null && previous !== circle) await previous.replica.close();
    let view: CircleView | null = null;
    if (circle !== null) {
      const builder = new CircleViewBuilder();
      view = builder.update(circle.replica.current());
      this.unsubscribeReplica = circle.replica.subscribe((snapshot) => {
        const next = builder.update(snapshot);
        const ledgerMoved = next.ledger.version !== this.state.view?.ledger.version;
        this.set({ snapshot, view: next });
        if (ledgerMoved) void this.refreshPendingDrafts();
      });
      await this.vault.saveSetting('activeCircle', circle.membership.circleId);
    }
    this.set({
      circle,
      sync: null,
      snapshot: circle?.replica.current() ?? null,
      view,
      pendingDrafts: circle !== null && view !== null ? await settlePendingDrafts(circle, this.vault, view) : [],
      memberships: await this.vault.memberships(),
      pendingJoin: await this.pendingJoinSummary(),
    });
    if (circle !== null) void this.attachSync(circle);
  }

  /**
   * Sync (sessions, carriers, the guard's worker) loads after the circle is
   * on screen: a first visit should not wait for code it may not use today.
   */
  private async attachSync(circle: OpenCircle): Promise<void> {
    const [{ SyncManager }, { createWorkerGuard }] = await Promise.all([
      import('../../app/sync-manager'),
      import('../../sync/worker-guard'),
    ]);
    if (this.state.circle !== circle) return;
    const sync = new SyncManager(circle, createWorkerGuard(), this.vault, this.deps);
    sync.subscribe(() => this.set({ syncVersion: this.state.syncVersion + 1 }));
    await sync.load();
    if (this.state.circle !== circle) return sync.close();
    this.set({ sync });
  }

  /** Reloads the drafts waiting for a countersignature, dropping those that one has reached. */
  async refreshPendingDrafts(): Promise<void> {
    const { circle, view } = this.state;
    if (circle === null || view === null) return;
    this.set({ pendingDrafts: await settlePendingDrafts(circle, this.vault, view) });
  }

  private async pendingJoinSummary(): Promise<{ readonly name: string } | null> {
    const pending = await this.vault.pendingJoin();
    return pending === undefined ? null : { name: pending.name };
  }

  async switchTo(circleId: string): Promise<void> {
    if (this.state.circle?.membership.circleId === circleId) return;
    const membership = await this.vault.membership(circleId);
    if (membership !== undefined) await this.show(await openCircle(membership, this.vault, this.deps));
  }

  /** Loads an area's strings in the current language before its screens show. */
  async ensureArea(area: Area): Promise<void> {
    if (this.state.language.areas.has(area)) return;
    const loaded = await withArea(this.state.language, area);
    const current = this.state.language;
    // The language may have changed, or another area arrived, while this loaded: merge into what is current.
    if (loaded.locale !== current.locale || current.areas.has(area)) return;
    this.set({
      language: { ...current, messages: { ...current.messages, ...loaded.messages }, areas: new Set([...current.areas, area]) },
    });
  }

  notify(notice: Notice | null): void {
    this.set({ notice });
  }

  /** Writes still queued go to disk now: the page may be killed after it is hidden. */
  flush(): void {
    void this.state.circle?.replica.flush().catch(() => undefined);
  }
}
