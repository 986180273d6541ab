/**
 * Links printed on stickers. A tool's sticker opens the tool's page; a blank
 * label opens the claim of that label. Both are plain https links to this
 * app, so a phone's own camera app can open them without Tally's scanner.
 *
 * Pure: the app's own address and the random bytes come in as arguments.
 */
import { fromBase64Url, toBase64Url } from '../records/bytes';

export type DeepLink = { readonly kind: 'tool'; readonly id: string } | { readonly kind: 'label'; readonly id: string };

/** Bytes in a label id: 16 random bytes make collisions between printed sheets unthinkable. */
export const LABEL_ID_BYTES = 16;
/** Bytes in a record id (a SHA-256 hash), which is what a tool's id is. */
const RECORD_ID_BYTES = 32;
/** Longer text than this is no link of ours, whatever it says; checked before anything else. */
export const MAX_LINK_TEXT = 1024;

const LABEL_ID = /^[A-Za-z0-9_-]{22}$/;
const RECORD_ID = /^[A-Za-z0-9_-]{43}$/;

function defaultRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A fresh label id: 16 random bytes as unpadded base64url (22 characters). */
export function newLabelId(randomBytes: (length: number) => Uint8Array = defaultRandomBytes): string {
  const bytes = randomBytes(LABEL_ID_BYTES);
  if (bytes.length !== LABEL_ID_BYTES) throw new RangeError(`a label id needs ${LABEL_ID_BYTES} random bytes, got ${bytes.length}`);
  return toBase64Url(bytes);
}

/** The one spelling base64url gives these bytes: no other text passes. */
function isCanonicalId(text: string, pattern: RegExp, bytes: number): boolean {
  if (!pattern.test(text)) return false;
  const decoded = fromBase64Url(text);
  return decoded !== null && decoded.length === bytes;
}

export function isLabelId(text: string): boolean {
  return isCanonicalId(text, LABEL_ID, LABEL_ID_BYTES);
}

export function isToolId(text: string): boolean {
  return isCanonicalId(text, RECORD_ID, RECORD_ID_BYTES);
}

/**
 * The app's own address without its hash: origin and path, as a phone opened
 * it. A query is left out, so that every sticker of one deployment reads the same.
 */
export function appBaseOf(location: { readonly origin: string; readonly pathname: string }): string {
  return location.origin + location.pathname;
}

function checkBase(appBase: string): void {
  if (appBase.includes('#') || appBase.includes('?')) throw new RangeError('the app base is an address without query or hash');
}

/** The absolute link a tool's sticker carries. */
export function toolLink(appBase: string, toolId: string): string {
  checkBase(appBase);
  if (!isToolId(toolId)) throw new RangeError('not a tool id');
  return `${appBase}#/tool/${toolId}`;
}

/** The absolute link a blank label carries. */
export function labelLink(appBase: string, labelId: string): string {
  checkBase(appBase);
  if (!isLabelId(labelId)) throw new RangeError('not a label id');
  return `${appBase}#/label/${labelId}`;
}

/**
 * What a scanned or pasted text links to, if it is one of this app's sticker
 * links. The text is untrusted: anything but an exact link to this same
 * deployment (same origin and path) with a well-formed id is refused, so a
 * sticker made for another site or another Tally is not followed. Only
 * surrounding whitespace, which some readers add, is forgiven.
 */
export function readDeepLink(text: string, appBase: string): DeepLink | null {
  if (text.length > MAX_LINK_TEXT || appBase === '' || appBase.includes('#') || appBase.includes('?')) return null;
  const trimmed = text.trim();
  const prefix = `${appBase}#/`;
  if (!trimmed.startsWith(prefix)) return null;
  const rest = trimmed.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return null;
  const kind = rest.slice(0, slash);
  const id = rest.slice(slash + 1);
  if (kind === 'tool') return isToolId(id) ? { kind: 'tool', id } : null;
  if (kind === 'label') return isLabelId(id) ? { kind: 'label', id } : null;
  return null;
}
