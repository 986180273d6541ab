/**
 * The panic wipe of the whole app, from the lock screen's duress passphrase:
 * every circle on this phone, and then the vault, so that what is left is a
 * blank app, as after a first install.
 *
 * First, in one small transaction, every key: the memberships' envelopes, the
 * join request and the lock's own setting. From that moment the phone cannot
 * sign, sync or open sealed fields for any circle, even if the rest is cut
 * short. Then each circle's traces and databases (replica/wipe.ts), then any
 * other database of ours, then the vault's remaining rows. The circle loses
 * nothing: the other members' phones hold it.
 *
 * The caller closes the open circle and its sync before, and reloads the page
 * after: a page that showed the circle still has it in memory.
 */
import { wipeCircle } from '../../replica/wipe';
import { deleteDatabase, listDatabaseNames } from '../../replica/idb';
import { VAULT_DATABASE } from '../../replica/vault';
import type { Vault } from '../../replica/vault';
import type { AppDeps } from '../deps';
import { ATTEMPTS_SETTING, LOCK_SETTING } from './lock-setting';

export interface PanicWipeReport {
  readonly circles: number;
  readonly databases: readonly string[];
}


export async function panicWipe(vault: Vault, deps: Pick<AppDeps, 'keyring' | 'storageScope'>): Promise<PanicWipeReport> {
  const memberships = await vault.memberships();
  await vault.destroyKeys([LOCK_SETTING, ATTEMPTS_SETTING]);
  deps.keyring.turnOff();
  const deleted = new Set<string>();
  for (const membership of memberships) {
    const report = await wipeCircle(vault, membership.circleId, deps);
    for (const name of report.databases) deleted.add(name);
  }
  // Our databases are all named `tally-…` (and carry the storage scope, which only tests set).
  // The vault's rows are erased below rather than its database, which the page holds open.
  const scope = deps.storageScope ?? '';
  for (const name of await listDatabaseNames()) {
    if (name.startsWith('tally-') && name.includes(scope) && name !== VAULT_DATABASE && !deleted.has(name)) {
      await deleteDatabase(name);
      deleted.add(name);
    }
  }
  await vault.eraseAll();
  return { circles: memberships.length, databases: [...deleted] };
}
