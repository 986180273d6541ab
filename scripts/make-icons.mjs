// Draws the Tally mark (four strokes crossed by a fifth) and writes the app
// icons into public/. The output is deterministic, so the PNGs are committed
// and the build never needs to run this; rerun it only when the mark changes.
//
//   node scripts/make-icons.mjs

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));

const GREEN = [0x1f, 0x5f, 0x4a];
const CREAM = [0xf7, 0xf4, 0xec];

// The mark in a unit box. Its farthest point is 0.474 from the centre, which
// sets how far each icon must shrink it to clear masks and rounded corners.
const STROKE_RADIUS = 0.045;
const STROKES = [
  [0.24, 0.22, 0.24, 0.78],
  [0.41, 0.22, 0.41, 0.78],
  [0.58, 0.22, 0.58, 0.78],
  [0.75, 0.22, 0.75, 0.78],
  [0.12, 0.7, 0.88, 0.3],
];

// markScale: share of the canvas the unit box takes. cornerRadius: null
// means a full-bleed opaque square (maskable and Apple icons are cropped by
// the platform, and iOS paints transparency black).
const ICONS = [
  { file: 'icon-192.png', size: 192, markScale: 0.88, cornerRadius: 0.2 },
  { file: 'icon-512.png', size: 512, markScale: 0.88, cornerRadius: 0.2 },
  // 0.8 keeps the mark within a circle of radius 0.38, inside the 0.4 safe zone.
  { file: 'icon-maskable-512.png', size: 512, markScale: 0.8, cornerRadius: null },
  { file: 'apple-touch-icon.png', size: 180, markScale: 0.85, cornerRadius: null },
];

// 8x8 samples per pixel: enough that stroke edges show no stair-stepping at 192 px.
const SAMPLES = 8;

function distanceToSegment(px, py, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inMark(u, v) {
  return STROKES.some((s) => distanceToSegment(u, v, s) <= STROKE_RADIUS);
}

function inRoundedSquare(x, y, radius) {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

// Averaging in linear light keeps thin cream edges from looking darker than they are.
const toLinear = (c) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (l) => {
  const s = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.round(Math.max(0, Math.min(1, s)) * 255);
};
const GREEN_LIN = GREEN.map(toLinear);
const CREAM_LIN = CREAM.map(toLinear);

function render({ size, markScale, cornerRadius }) {
  const png = new PNG({ width: size, height: size });
  const offset = (1 - markScale) / 2;
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let cream = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (cornerRadius !== null && !inRoundedSquare(x, y, cornerRadius)) continue;
          covered++;
          if (inMark((x - offset) / markScale, (y - offset) / markScale)) cream++;
        }
      }
      const i = (py * size + px) * 4;
      const share = covered === 0 ? 0 : cream / covered;
      for (let c = 0; c < 3; c++) {
        png.data[i + c] = toSrgb(GREEN_LIN[c] * (1 - share) + CREAM_LIN[c] * share);
      }
      png.data[i + 3] = Math.round((covered / total) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: cornerRadius === null ? 2 : 6 });
}

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const num = (n) => Number(n.toFixed(2)).toString();

// The same mark as vectors, on the 'any' icon's layout, for the tab favicon.
function faviconSvg() {
  const { markScale, cornerRadius } = ICONS[0];
  const at = (n) => num(((1 - markScale) / 2 + n * markScale) * 100);
  const lines = STROKES.map(
    ([ax, ay, bx, by]) => `<line x1="${at(ax)}" y1="${at(ay)}" x2="${at(bx)}" y2="${at(by)}"/>`,
  );
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<rect width="100" height="100" rx="${num(cornerRadius * 100)}" fill="${hex(GREEN)}"/>`,
    `<g stroke="${hex(CREAM)}" stroke-width="${num(STROKE_RADIUS * 2 * markScale * 100)}" stroke-linecap="round">`,
    ...lines,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

for (const icon of ICONS) {
  writeFileSync(PUBLIC + icon.file, render(icon));
}
writeFileSync(PUBLIC + 'favicon.svg', faviconSvg());
console.log(`wrote ${ICONS.map((i) => i.file).join(', ')}, favicon.svg to ${PUBLIC}`);
