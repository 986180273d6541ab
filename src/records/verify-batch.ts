/**
 * Checking many signatures at once, as a first sync or a gathering does. The
 * platform's own Ed25519 (Web Crypto) checks one in about a tenth of the time
 * script takes, on threads of its own, so the screen stays free meanwhile.
 *
 * Every phone must still accept exactly the signatures verify() accepts
 * (signatures.ts), or a crafted signature could count on one phone and not on
 * another. So the strict encoding rules are checked here first; a signature
 * the platform then accepts satisfies verify()'s equation as well; and one it
 * refuses is asked of verify() again, since a platform may read the equation
 * more strictly (without the cofactor) than verify() does. Honest signatures
 * pass the platform at once; only bad ones cost the second look. Where Web
 * Crypto has no Ed25519, verify() does all of it.
 */
import { signedBytes } from './crypto';
import { passesStrictEncoding, verify } from './signatures';

export interface SignatureCheck {
  readonly purpose: string;
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
  readonly publicKey: Uint8Array;
}

const ED25519 = { name: 'Ed25519' } as const;
/** A circle's records come from a few hundred keys; imported keys are kept for them. */
const KEY_CACHE_SIZE = 512;
const platformKeys = new Map<string, Promise<CryptoKey | null>>();
let platformLacksEd25519 = false;

function platformKey(subtle: SubtleCrypto, publicKey: Uint8Array): Promise<CryptoKey | null> {
  const cacheKey = String.fromCharCode(...publicKey);
  let key = platformKeys.get(cacheKey);
  if (key === undefined) {
    key = subtle.importKey('raw', new Uint8Array(publicKey), ED25519, false, ['verify']).catch(() => {
      // Older engines know no Ed25519: every later check goes to script at once.
      platformLacksEd25519 = true;
      return null;
    });
    if (platformKeys.size >= KEY_CACHE_SIZE) platformKeys.delete(platformKeys.keys().next().value!);
    platformKeys.set(cacheKey, key);
  }
  return key;
}

function checkInScript(check: SignatureCheck): boolean {
  return verify(check.purpose, check.signature, check.message, check.publicKey);
}

async function checkOne(subtle: SubtleCrypto, check: SignatureCheck): Promise<boolean> {
  if (!passesStrictEncoding(check.signature, check.publicKey)) return false;
  const key = await platformKey(subtle, check.publicKey);
  if (key === null) return checkInScript(check);
  let accepted = false;
  try {
    accepted = await subtle.verify(ED25519, key, new Uint8Array(check.signature), new Uint8Array(signedBytes(check.purpose, check.message)));
  } catch {
    accepted = false;
  }
  return accepted || checkInScript(check);
}

/** Each check's answer, in order; the same answers verify() would give one by one. */
export function verifyAll(checks: readonly SignatureCheck[]): Promise<boolean[]> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined || platformLacksEd25519) return Promise.resolve(checks.map(checkInScript));
  return Promise.all(checks.map((check) => checkOne(subtle, check)));
}
