/**
 * The panic wipe: erases everything this phone holds about one circle.
 *
 * The keys go first, alone in a small transaction that commits in
 * milliseconds: from then on the phone cannot sign, sync or open sealed fields
 * for the circle, even if the rest is cut short (the app killed, the phone
 * switched off). Then the vault's other traces of it, then its databases, the
 * record archive and the Yjs document, which can take a while for years of
 * history. Records in those databases are readable until they are deleted:
 * they are what every member already knows, but not what a stranger should.
 *
 * Every step works on a circle already partly wiped, so running the wipe again
 * finishes an interrupted one. The caller closes the open circle and its sync
 * first: deleting a database waits for its connections to close, and a running
 * sync would write its last-sync time again.
 *
 * Erasing in IndexedDB removes rows from the browser's view, not necessarily
 * from the flash chip at once: a passphrase envelope is what keeps the keys
 * unreadable in whatever copies the storage engine has yet to overwrite.
 */
import { archiveDatabaseName } from './archive';
import { docDatabaseName } from './doc-store';
import { deleteDatabase, listDatabaseNames } from './idb';
import type { Vault } from './vault';

export interface WipeReport {
  readonly circleId: string;
  /** The membership with its key envelope was on this phone and is gone (false when an earlier wipe had removed it). */
  readonly keys: boolean;
  readonly pendingDrafts: number;
  /** The keys of the settings that named the circle. */
  readonly settings: readonly string[];
  readonly usedWelcomes: number;
  /** The databases deleted (deleting one that does not exist is harmless). */
  readonly databases: readonly string[];
}

export interface WipeDeps {
  /** As AppDeps.storageScope: the prefix of the circle's database names. */
  readonly storageScope?: string;
}

export async function wipeCircle(vault: Vault, circleId: string, deps: WipeDeps = {}): Promise<WipeReport> {
  if (circleId === '') throw new RangeError('no circle to wipe');
  const membership = await vault.membership(circleId);
  if (membership !== undefined) await vault.removeMembership(circleId);
  const traces = await vault.eraseCircleTraces(circleId, membership?.joinedAt ?? null);
  const storageName = (deps.storageScope ?? '') + circleId;
  const databases = new Set([archiveDatabaseName(storageName), docDatabaseName(storageName)]);
  // Any other database named after the circle (a store added later, another scope) goes too.
  for (const name of await listDatabaseNames()) if (name.includes(circleId)) databases.add(name);
  for (const name of databases) await deleteDatabase(name);
  return { circleId, keys: membership !== undefined, ...traces, databases: [...databases] };
}
