import { correction, generate } from 'lean-qr';

/** The modules of a QR code, without its quiet zone. */
export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** QR version, 1 to 40: how readable the code is from a screen (10-15 is reliable). */
  readonly version: number;
  /** False outside the code, so callers may draw the quiet zone through it. */
  isDark(x: number, y: number): boolean;
}

/** Modules of white margin a reader needs around the code. */
export const QUIET_ZONE = 4;

/**
 * Error correction M at least: lean-qr raises it when the chosen version has
 * room to spare, and picks alphanumeric mode by itself for base45 text.
 * Throws when the text cannot fit in any QR version.
 */
export function qrMatrix(text: string): QrMatrix {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return {
    size: code.size,
    version: (code.size - 17) / 4,
    isDark: (x, y) => x >= 0 && y >= 0 && x < code.size && y < code.size && code.get(x, y),
  };
}

export function versionForText(text: string): number {
  return qrMatrix(text).version;
}

/**
 * One path for the whole code, one closed rectangle per horizontal run of
 * dark modules, in module units with the code's top left corner at 0,0.
 */
export function qrSvgPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.isDark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.isDark(x, y)) x++;
      parts.push(`M${start} ${y}h${x - start}v1H${start}z`);
    }
  }
  return parts.join('');
}
