/**
 * Readers for fields of a decoded CBOR map. Each returns undefined when the
 * field is missing or of the wrong type, so a kind's parser can reject cleanly.
 */
import type { CborMap, CborValue } from './cbor';
import { isNormalizedName } from '../domain/names';

export function bytesField(map: CborMap, key: number, length: number): Uint8Array | undefined {
  const value = map.get(key);
  return value instanceof Uint8Array && value.length === length ? value : undefined;
}

export function textField(map: CborMap, key: number, maxBytes: number): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' && value.length <= maxBytes ? value : undefined;
}

export function nameField(map: CborMap, key: number, maxLength: number): string | undefined {
  const value = textField(map, key, maxLength * 4);
  return value !== undefined && isNormalizedName(value, maxLength) ? value : undefined;
}

export function uintField(map: CborMap, key: number): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

export function mapField(map: CborMap, key: number): CborMap | undefined {
  const value = map.get(key);
  return value instanceof Map ? value : undefined;
}

/** A map must hold exactly the keys its schema names: unknown fields are not silently carried. */
export function hasOnlyKeys(map: CborMap, allowed: readonly number[]): boolean {
  for (const key of map.keys()) if (!allowed.includes(key)) return false;
  return true;
}

export function isCborMap(value: CborValue): value is CborMap {
  return value instanceof Map;
}
