/**
 * Reads QR codes out of camera frames. Loaded only when a scanner opens: the
 * reader's WebAssembly is far larger than the rest of the app.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

// zxing-wasm fetches its wasm from a CDN by default; the app works offline, so
// it must come from our own origin, where the service worker has cached it.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});

/** The part of the Barcode Detection API we use; TypeScript's DOM library lacks it. */
interface NativeDetector {
  detect(image: ImageData): Promise<readonly { readonly rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

let native: Promise<NativeDetector | null> | null = null;

async function findNativeDetector(): Promise<NativeDetector | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Detector === undefined) return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

async function readWithZxing(image: ImageData): Promise<string[]> {
  const results = await readBarcodes(image, { formats: ['QRCode'], textMode: 'Plain', maxNumberOfSymbols: 4 });
  return results.filter((result) => result.isValid).map((result) => result.text);
}

/**
 * The texts of the QR codes in an image. The native detector (Chrome on
 * Android) is much faster where it exists; where it exists but fails, the
 * WebAssembly reader takes over for the rest of the visit.
 */
export async function decodeQrCodes(image: ImageData): Promise<string[]> {
  native ??= findNativeDetector();
  const detector = await native;
  if (detector !== null) {
    try {
      const found = await detector.detect(image);
      return found.map((code) => code.rawValue);
    } catch {
      native = Promise.resolve(null);
    }
  }
  return readWithZxing(image);
}
