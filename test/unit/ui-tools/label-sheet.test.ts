import { describe, expect, it } from 'vitest';
import { labelLink, toolLink } from '../../../src/app/deep-links';
import { QUIET_ZONE, qrMatrix } from '../../../src/qr/generate';
import { toBase64Url } from '../../../src/records/bytes';
import { LAYOUTS, MOST_LABELS, PAPER_SIZE, defaultPaper, idFragment, labelCount, layoutsFor } from '../../../src/ui/tools/LabelSheet';

const LABEL = toBase64Url(new Uint8Array(16).fill(0xab));
const TOOL = toBase64Url(new Uint8Array(32).fill(0xcd));
/** Bases a deployment might have, from a short one to a long one. */
const BASES = ['http://127.0.0.1:4173/', 'https://tally.example.org/', 'https://neighbourhood-commons.example.org/tally/app/'];

describe('label layouts', () => {
  it('offer 24 and 21 labels on A4, 30 and 14 on US Letter', () => {
    expect(layoutsFor('a4').map(labelCount)).toEqual([24, 21]);
    expect(layoutsFor('letter').map(labelCount)).toEqual([30, 14]);
    expect(MOST_LABELS).toBe(30);
  });

  it('each fit on their paper, labels included, with the margins a printer needs', () => {
    for (const layout of LAYOUTS) {
      const paper = PAPER_SIZE[layout.paper];
      const width = layout.marginLeft + layout.columns * layout.labelWidth + (layout.columns - 1) * layout.gapX;
      const height = layout.marginTop + layout.rows * layout.labelHeight + (layout.rows - 1) * layout.gapY;
      expect(width, layout.id).toBeLessThanOrEqual(paper.width);
      expect(height, layout.id).toBeLessThanOrEqual(paper.height);
      // Label sheets are centred on the paper.
      expect(paper.width - width, layout.id).toBeCloseTo(layout.marginLeft, 1);
      expect(paper.height - height, layout.id).toBeCloseTo(layout.marginTop, 1);
      expect(layout.marginTop, layout.id).toBeGreaterThanOrEqual(3);
      expect(layout.marginLeft, layout.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('give each code room on its label, and a code at least 20 mm across without its quiet zone', () => {
    for (const layout of LAYOUTS) {
      expect(layout.code, layout.id).toBeLessThanOrEqual(layout.labelHeight);
      expect(layout.labelWidth - layout.code, layout.id).toBeGreaterThanOrEqual(25);
      for (const base of BASES) {
        for (const text of [labelLink(base, LABEL), toolLink(base, TOOL)]) {
          const { size, version } = qrMatrix(text);
          const symbol = (layout.code * size) / (size + 2 * QUIET_ZONE);
          expect(symbol, `${layout.id} ${text}`).toBeGreaterThanOrEqual(20);
          // Modules of half a millimetre or more read well from a sticker.
          expect(symbol / size, `${layout.id} ${text}`).toBeGreaterThanOrEqual(0.45);
          expect(version).toBeLessThanOrEqual(7);
        }
      }
    }
  });
});

describe('defaultPaper', () => {
  it('is Letter where the language’s region prints on it, A4 elsewhere', () => {
    expect(defaultPaper(['en-US'])).toBe('letter');
    expect(defaultPaper(['es-MX', 'es'])).toBe('letter');
    expect(defaultPaper(['en-CA'])).toBe('letter');
    expect(defaultPaper(['es-ES'])).toBe('a4');
    expect(defaultPaper(['en-GB'])).toBe('a4');
    expect(defaultPaper(['es-419'])).toBe('a4');
    expect(defaultPaper(['zh-Hant-TW'])).toBe('a4');
    expect(defaultPaper(['en', 'en-US'])).toBe('letter');
    expect(defaultPaper(['en'])).toBe('a4');
    expect(defaultPaper([])).toBe('a4');
  });
});

describe('idFragment', () => {
  it('is the first eight characters of the id', () => {
    expect(idFragment(LABEL)).toBe(LABEL.slice(0, 8));
    expect(idFragment(LABEL)).toHaveLength(8);
  });
});
