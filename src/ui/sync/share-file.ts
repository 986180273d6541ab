/**
 * Handing a sealed updates file to the world outside the app, and taking one
 * back in. Web Share lets the member pick Bluetooth, a messenger or Files;
 * where the browser cannot share this file (desktop browsers, and Chrome on
 * Android, which shares only files with extensions it knows), it is
 * downloaded instead.
 */
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import { MAX_SEALED_FILE_BYTES } from '../../sync/sealed-file';

export type OfferOutcome = 'shared' | 'downloaded' | 'cancelled';

export interface OfferDeps {
  readonly navigator: Navigator;
  readonly document: Document;
  readonly url: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

const MEDIA_TYPE = 'application/octet-stream';
/** Safari starts a download after the click returns; revoking the URL at once would cancel it. */
const REVOKE_AFTER_MS = 60_000;

function defaultDeps(): OfferDeps {
  return { navigator, document, url: URL };
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function download(bytes: Uint8Array, fileName: string, deps: OfferDeps): void {
  const blobUrl = deps.url.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MEDIA_TYPE }));
  const link = deps.document.createElement('a');
  link.href = blobUrl;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  deps.document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => deps.url.revokeObjectURL(blobUrl), REVOKE_AFTER_MS);
}

/** Call from the member's tap: browsers allow sharing only in answer to one. */
export async function offerSyncFile(bytes: Uint8Array, fileName: string, deps: OfferDeps = defaultDeps()): Promise<OfferOutcome> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: MEDIA_TYPE });
  const shareable = typeof deps.navigator.canShare === 'function' && deps.navigator.canShare({ files: [file] });
  if (shareable) {
    try {
      await deps.navigator.share({ files: [file] });
      return 'shared';
    } catch (error) {
      // The member closed the share sheet: that is a choice, not a failure to work around.
      if (errorName(error) === 'AbortError') return 'cancelled';
    }
  }
  download(bytes, fileName, deps);
  return 'downloaded';
}

/** Reads a chosen file, refusing one too large to be ours before holding any of it in memory. */
export async function readSyncFile(file: Blob): Promise<Result<Uint8Array, 'too-large'>> {
  if (file.size > MAX_SEALED_FILE_BYTES) return err('too-large');
  return ok(new Uint8Array(await file.arrayBuffer()));
}
