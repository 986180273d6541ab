// Everything a page's origin holds in IndexedDB, as one text: what someone who
// copied the phone's storage would read. Bytes are written as hex, so a search
// can look for a secret's bytes as well as for a word's UTF-8.
import type { Page } from 'playwright-core';

export interface StorageDump {
  readonly databases: readonly string[];
  /** Every key and value of every store, strings as they are and bytes as hex. */
  readonly text: string;
}

export async function dumpIndexedDb(page: Page): Promise<StorageDump> {
  return page.evaluate(async () => {
    const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    const flatten = (value: unknown, depth: number): string => {
      if (depth > 20) return '';
      if (value instanceof Uint8Array) return hex(value);
      if (value instanceof ArrayBuffer) return hex(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (typeof value === 'string') return value;
      if (typeof value !== 'object' || value === null) return String(value);
      const parts: unknown[] = Array.isArray(value) ? (value as unknown[]) : [...Object.keys(value), ...Object.values(value as Record<string, unknown>)];
      // A separator no stored text holds: a match can only come from one stored value.
      return parts.map((part) => flatten(part, depth + 1)).join('\u0001');
    };
    const names = (await indexedDB.databases()).flatMap((info) => (info.name === undefined ? [] : [info.name]));
    const chunks: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(`could not open ${name}`));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const [keys, values] = await Promise.all(
          (['getAllKeys', 'getAll'] as const).map(
            (method) =>
              new Promise<unknown[]>((resolve, reject) => {
                const request = db.transaction(store).objectStore(store)[method]();
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(new Error(`could not read ${name}/${store}`));
              }),
          ),
        );
        chunks.push(`${name}/${store}`, flatten(keys, 0), flatten(values, 0));
      }
      db.close();
    }
    return { databases: names, text: chunks.join('\n') };
  });
}

/** The UTF-8 bytes of a word as hex, as they would appear inside a stored record. */
export function utf8Hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}
