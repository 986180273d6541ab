import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { seededRandom as seededNumbers } from '../../../src/domain/random';
import { utf8 } from '../../../src/records/bytes';
import { exportFileName, MAX_SEALED_FILE_BYTES, openSealedUpdates, SEALED_OVERHEAD_BYTES, sealUpdates } from '../../../src/sync/sealed-file';
import type { CircleKey } from '../../../src/sync/sealed-file';
import { offerSyncFile, readSyncFile } from '../../../src/ui/sync/share-file';
import type { OfferDeps } from '../../../src/ui/sync/share-file';
import { flipBit, seededRandom } from '../../fixtures/circle';

const random = seededRandom('sealed-file');
const circle: CircleKey = { id: random(16), secret: random(32) };
const otherCircle: CircleKey = { id: random(16), secret: random(32) };
const updates = seededNumbers(3).bytes(300);

function sealed(bytes = updates, key = circle): Uint8Array {
  const result = sealUpdates(key, bytes, random);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('a sealed updates file', () => {
  it('opens to the updates it sealed, empty ones too', () => {
    expect(openSealedUpdates(circle, sealed())).toEqual({ ok: true, value: updates });
    expect(openSealedUpdates(circle, sealed(new Uint8Array(0)))).toEqual({ ok: true, value: new Uint8Array(0) });
  });

  it('is the header, a nonce and the ciphertext, and never the same twice', () => {
    const a = sealed();
    const b = sealed();
    expect(a.length).toBe(updates.length + SEALED_OVERHEAD_BYTES);
    expect(new TextDecoder().decode(a.subarray(0, 9))).toBe('TALLYSYNC');
    expect(a[9]).toBe(1);
    expect(a.subarray(10, 26)).toEqual(circle.id);
    expect(a).not.toEqual(b);
  });

  it('does not show the updates in the clear', () => {
    const text = utf8('contact: +34 600 000 000, Calle del Sol 4');
    const file = sealed(text);
    expect(Buffer.from(file).includes(Buffer.from(text.subarray(0, 12)))).toBe(false);
  });

  it('refuses to seal more than a file may hold', () => {
    expect(sealUpdates(circle, new Uint8Array(MAX_SEALED_FILE_BYTES - SEALED_OVERHEAD_BYTES + 1), random)).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('a file that is not what it should be', () => {
  const png = PNG.sync.write(new PNG({ width: 4, height: 4 }));

  it.each([
    ['a PNG', new Uint8Array(png)],
    ['random bytes', seededNumbers(8).bytes(500).map((b, i) => (i === 0 ? 0x00 : b))],
    ['an empty file', new Uint8Array(0)],
    ['a text file', utf8('TALLY notes for the assembly')],
  ])('is not a Tally file: %s', (_what, bytes) => {
    expect(openSealedUpdates(circle, bytes)).toEqual({ ok: false, error: 'not-a-tally-file' });
  });

  it('is damaged when truncated, at every length', () => {
    const file = sealed();
    expect(openSealedUpdates(circle, file.subarray(0, 0))).toEqual({ ok: false, error: 'not-a-tally-file' });
    for (let length = 1; length < file.length; length++) {
      expect(openSealedUpdates(circle, file.subarray(0, length)), `length ${length}`).toEqual({ ok: false, error: 'damaged' });
    }
  });

  it("belongs to another circle when another circle's key sealed it", () => {
    expect(openSealedUpdates(otherCircle, sealed())).toEqual({ ok: false, error: 'other-circle' });
  });

  it('is damaged when sealed with the right id but another secret', () => {
    const impostor = sealed(updates, { id: circle.id, secret: otherCircle.secret });
    expect(openSealedUpdates(circle, impostor)).toEqual({ ok: false, error: 'damaged' });
  });

  it('gives the problem of the part where a bit flipped, and never the updates', () => {
    const file = sealed(updates.subarray(0, 40));
    for (let bit = 0; bit < file.length * 8; bit++) {
      const byte = bit >> 3;
      const expected =
        byte < 9 ? 'not-a-tally-file' : byte === 9 ? 'unsupported-version' : byte < 26 ? 'other-circle' : 'damaged';
      expect(openSealedUpdates(circle, flipBit(file, bit)), `bit ${bit}`).toEqual({ ok: false, error: expected });
    }
  });

  it('is too large beyond 32 MiB, before any decryption', () => {
    const huge = new Uint8Array(MAX_SEALED_FILE_BYTES + 1);
    huge.set(sealed());
    expect(openSealedUpdates(circle, huge)).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('the exported file name', () => {
  const day = new Date(2025, 2, 7, 23, 30);

  it.each([
    ['Calle Esperanza Commons', 'tally-calle-esperanza-commons-2025-03-07.tallysync'],
    ['Círculo de Ñandú  (Norte)', 'tally-circulo-de-nandu-norte-2025-03-07.tallysync'],
    ['🌙🌙', 'tally-circle-2025-03-07.tallysync'],
    ['../../etc/passwd', 'tally-etc-passwd-2025-03-07.tallysync'],
    ['A'.repeat(39) + ' B C', `tally-${'a'.repeat(39)}-2025-03-07.tallysync`],
  ])('%s', (name, expected) => {
    expect(exportFileName(name, day)).toBe(expected);
  });
});

describe('offering the file to the member', () => {
  interface Fakes {
    readonly deps: OfferDeps;
    readonly shared: File[];
    readonly downloads: string[];
  }

  function fakes(canShare: boolean, shareError?: DOMException): Fakes {
    const shared: File[] = [];
    const downloads: string[] = [];
    const navigatorFake = {
      canShare: (data: ShareData) => canShare && (data.files?.length ?? 0) === 1,
      share: (data: ShareData) => {
        shared.push(...(data.files ?? []));
        return shareError === undefined ? Promise.resolve() : Promise.reject(shareError);
      },
    };
    const documentFake = {
      body: { append: () => undefined },
      createElement: () => {
        const link = { href: '', download: '', rel: '', style: { display: '' }, click: () => downloads.push(link.download), remove: () => undefined };
        return link;
      },
    };
    const url = { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined };
    return { deps: { navigator: navigatorFake as unknown as Navigator, document: documentFake as unknown as Document, url }, shared, downloads };
  }

  it('shares the file where the browser can', async () => {
    const { deps, shared, downloads } = fakes(true);
    await expect(offerSyncFile(sealed(), 'tally-x-2025-03-07.tallysync', deps)).resolves.toBe('shared');
    expect(shared.map((file) => file.name)).toEqual(['tally-x-2025-03-07.tallysync']);
    expect(new Uint8Array(await shared[0]!.arrayBuffer())).toHaveLength(updates.length + SEALED_OVERHEAD_BYTES);
    expect(downloads).toEqual([]);
  });

  it('downloads it where sharing files is not possible or fails', async () => {
    for (const [canShare, error] of [[false, undefined], [true, new DOMException('no gesture', 'NotAllowedError')]] as const) {
      const { deps, downloads } = fakes(canShare, error);
      await expect(offerSyncFile(sealed(), 'f.tallysync', deps)).resolves.toBe('downloaded');
      expect(downloads).toEqual(['f.tallysync']);
    }
  });

  it('does nothing more when the member closes the share sheet', async () => {
    const { deps, downloads } = fakes(true, new DOMException('closed', 'AbortError'));
    await expect(offerSyncFile(sealed(), 'f.tallysync', deps)).resolves.toBe('cancelled');
    expect(downloads).toEqual([]);
  });

  it('refuses to read a chosen file that is too large, before reading it', async () => {
    const huge = { size: MAX_SEALED_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await expect(readSyncFile(huge)).resolves.toEqual({ ok: false, error: 'too-large' });
    await expect(readSyncFile(new Blob([sealed() as Uint8Array<ArrayBuffer>]))).resolves.toMatchObject({ ok: true });
  });
});
