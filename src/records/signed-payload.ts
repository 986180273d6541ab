/**
 * What one person signs and shows as a code before anyone countersigns it
 * (an exchange draft, a tool handoff offer): canonical CBOR
 * `[payload bytes, signature]`, with an integer-keyed map inside the payload.
 * Its id is the hash of the whole, so every countersignature names the same id.
 * Reading only: signing is in make.ts (signPayload), loaded with the screens that sign.
 */
import { decodeCbor } from './cbor';
import type { CborMap, CborValue } from './cbor';
import { hasOnlyKeys, isCborMap } from './fields';

export interface OpenedPayload {
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  readonly map: CborMap;
}

/** The outer shape and the map's keys only; the caller reads the fields and checks the signature. */
export function openSignedPayload(bytes: Uint8Array, allowedKeys: readonly number[]): OpenedPayload | undefined {
  const outer = decodeCbor(bytes);
  if (!outer.ok || !Array.isArray(outer.value) || outer.value.length !== 2) return undefined;
  const [payload, signature] = outer.value as readonly CborValue[];
  if (!(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) return undefined;
  const inner = decodeCbor(payload);
  if (!inner.ok || !isCborMap(inner.value) || !hasOnlyKeys(inner.value, allowedKeys)) return undefined;
  return { payload, signature, map: inner.value };
}
