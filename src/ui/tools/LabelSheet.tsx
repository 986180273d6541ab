import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { appBaseOf, labelLink, newLabelId, toolLink } from '../../app/deep-links';
import type { Translator } from '../../i18n/i18n';
import { QUIET_ZONE, qrMatrix, qrSvgPath } from '../../qr/generate';
import { Page } from '../components/Page';
import { useT } from '../shell/context';
import './labels.css';

export type Paper = 'a4' | 'letter';

/** A sheet of labels as sold for laser and inkjet printers; every length in millimetres. */
export interface LabelLayout {
  readonly id: string;
  readonly paper: Paper;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidth: number;
  readonly labelHeight: number;
  /** From the paper's top edge to the first row. */
  readonly marginTop: number;
  /** From the paper's left edge to the first column. */
  readonly marginLeft: number;
  /** Between columns, and between rows. */
  readonly gapX: number;
  readonly gapY: number;
  /** Side of the printed code, its quiet zone included. */
  readonly code: number;
}

export const PAPER_SIZE: { readonly [P in Paper]: { readonly width: number; readonly height: number; readonly css: string } } = {
  a4: { width: 210, height: 297, css: 'A4' },
  letter: { width: 215.9, height: 279.4, css: 'letter' },
};

/**
 * The common label sheets: 3 × 8 and 3 × 7 on A4, 3 × 10 ("address labels",
 * 1 × 2⅝ in) and 2 × 7 (1⅓ × 4 in) on US Letter. Codes are as large as the
 * label's height allows, and never smaller than 20 mm without their quiet zone.
 */
export const LAYOUTS: readonly LabelLayout[] = [
  { id: 'a4-24', paper: 'a4', columns: 3, rows: 8, labelWidth: 63.5, labelHeight: 33.9, marginTop: 12.9, marginLeft: 7.25, gapX: 2.5, gapY: 0, code: 30 },
  { id: 'a4-21', paper: 'a4', columns: 3, rows: 7, labelWidth: 63.5, labelHeight: 38.1, marginTop: 15.15, marginLeft: 7.25, gapX: 2.5, gapY: 0, code: 33 },
  { id: 'letter-30', paper: 'letter', columns: 3, rows: 10, labelWidth: 66.675, labelHeight: 25.4, marginTop: 12.7, marginLeft: 4.7625, gapX: 3.175, gapY: 0, code: 25 },
  { id: 'letter-14', paper: 'letter', columns: 2, rows: 7, labelWidth: 101.6, labelHeight: 33.867, marginTop: 21.167, marginLeft: 3.96875, gapX: 4.7625, gapY: 0, code: 30 },
];

/** The most labels any layout has: a blank sheet keeps this many ids, whatever the layout. */
export const MOST_LABELS = Math.max(...LAYOUTS.map((layout) => layout.columns * layout.rows));

export function layoutsFor(paper: Paper): readonly LabelLayout[] {
  return LAYOUTS.filter((layout) => layout.paper === paper);
}

export function labelCount(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** Countries that print on US Letter; everywhere else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'PR', 'DO', 'SV', 'HN', 'NI', 'PA', 'BZ']);

/** The paper a browser's language suggests, e.g. "en-US" gives letter and "es-ES" A4. */
export function defaultPaper(languages: readonly string[]): Paper {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Z]{2}|\d{3})\b/i.exec(tag)?.[1]?.toUpperCase();
    if (region !== undefined) return LETTER_REGIONS.has(region) ? 'letter' : 'a4';
  }
  return 'a4';
}

/** The few characters of a label's id printed under its code, for a person to tell labels apart. */
export function idFragment(id: string): string {
  return id.slice(0, 8);
}

interface SheetMemory {
  paper: Paper | null;
  layout: { [P in Paper]: string };
  ids: readonly string[] | null;
}

/** Kept for the visit, so that leaving the screen and coming back shows the same sheet. */
const sheetMemory: SheetMemory = { paper: null, layout: { a4: 'a4-24', letter: 'letter-30' }, ids: null };

function freshIds(): readonly string[] {
  return Array.from({ length: MOST_LABELS }, () => newLabelId());
}

export interface LabelSheetProps {
  /** Labels for this tool (its record id); without it, a sheet of blank labels. */
  readonly tool?: string | undefined;
  /** The tool's name, printed on its labels; its short id is printed until the app knows the name. */
  readonly toolName?: string | undefined;
}

interface Code {
  readonly text: string;
  readonly size: number;
  readonly path: string;
}

function makeCode(text: string): Code {
  const matrix = qrMatrix(text);
  return { text, size: matrix.size, path: qrSvgPath(matrix) };
}

export function LabelSheetScreen({ tool, toolName }: LabelSheetProps) {
  const translator = useT();
  const { t } = translator;
  const [paper, setPaper] = useState<Paper>(() => sheetMemory.paper ?? defaultPaper(navigator.languages ?? [navigator.language]));
  const [layoutIds, setLayoutIds] = useState(() => sheetMemory.layout);
  const [ids, setIds] = useState<readonly string[]>(() => (sheetMemory.ids ??= freshIds()));
  const [status, setStatus] = useState('');
  const paperName = useId();
  const layoutName = useId();
  const appBase = appBaseOf(location);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('label-sheet-open');
    return () => root.classList.remove('label-sheet-open');
  }, []);

  const layout = layoutsFor(paper).find((candidate) => candidate.id === layoutIds[paper]) ?? layoutsFor(paper)[0]!;
  const count = labelCount(layout);
  const toolCode = useMemo(() => (tool === undefined ? null : makeCode(toolLink(appBase, tool))), [tool, appBase]);
  const blankCodes = useMemo(() => (tool === undefined ? ids.map((id) => makeCode(labelLink(appBase, id))) : []), [tool, ids, appBase]);

  const choosePaper = (next: Paper): void => {
    sheetMemory.paper = next;
    setPaper(next);
  };
  const chooseLayout = (id: string): void => {
    const next = { ...layoutIds, [paper]: id };
    sheetMemory.layout = next;
    setLayoutIds(next);
  };
  const newSheet = (): void => {
    const next = freshIds();
    sheetMemory.ids = next;
    setIds(next);
    setStatus(t('labels.newSheetDone'));
  };

  const name = toolName ?? (tool === undefined ? '' : idFragment(tool));
  const size = PAPER_SIZE[paper];
  const sheetStyle = {
    '--sheet-width': `${size.width}mm`,
    '--sheet-height': `${size.height}mm`,
    '--sheet-top': `${layout.marginTop}mm`,
    '--sheet-left': `${layout.marginLeft}mm`,
    '--label-width': `${layout.labelWidth}mm`,
    '--label-height': `${layout.labelHeight}mm`,
    '--label-gap-x': `${layout.gapX}mm`,
    '--label-gap-y': `${layout.gapY}mm`,
    '--label-code': `${layout.code}mm`,
    '--label-columns': String(layout.columns),
  };

  return (
    <Page title={tool === undefined ? t('labels.title') : t('labels.titleTool', { name })}>
      {/* The printed page's size and margins follow the paper chosen: no margin, since the sheet places its own labels. */}
      <style>{`@page { size: ${size.css}; margin: 0; }`}</style>
      <p>{t(tool === undefined ? 'labels.leadBlank' : 'labels.leadTool')}</p>
      <div class="label-controls">
        <fieldset class="label-choice">
          <legend>{t('labels.paper')}</legend>
          {(['a4', 'letter'] as const).map((value) => (
            <label key={value} class="choice">
              <input type="radio" name={paperName} value={value} checked={paper === value} onChange={() => choosePaper(value)} />
              <span>{t(value === 'a4' ? 'labels.paperA4' : 'labels.paperLetter')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="label-choice">
          <legend>{t('labels.layout')}</legend>
          {layoutsFor(paper).map((candidate) => (
            <label key={candidate.id} class="choice">
              <input type="radio" name={layoutName} value={candidate.id} checked={candidate.id === layout.id} onChange={() => chooseLayout(candidate.id)} />
              <span>{layoutText(candidate, translator)}</span>
            </label>
          ))}
        </fieldset>
        <p class="hint">{t('labels.printHint')}</p>
        <div class="actions-row">
          <button type="button" class="button button-primary" onClick={() => window.print()}>
            {t('labels.print')}
          </button>
          {tool === undefined && (
            <button type="button" class="button" onClick={newSheet}>
              {t('labels.newSheet')}
            </button>
          )}
        </div>
        <p class="hint" role="status">
          {status}
        </p>
      </div>
      <div class="label-preview" role="region" aria-label={t('labels.preview')} tabIndex={0}>
        <ul class={`label-sheet label-sheet-${paper}`} data-layout={layout.id} style={sheetStyle}>
          {Array.from({ length: count }, (_, i) => {
            if (toolCode !== null) {
              return (
                <li key={i} class="label">
                  <CodeImage code={toolCode} label={t('labels.toolCode', { name })} />
                  <div class="label-text">
                    <span class="label-name">{name}</span>
                    <span class="label-caption">{t('labels.toolCaption')}</span>
                  </div>
                </li>
              );
            }
            const id = ids[i]!;
            const fragment = idFragment(id);
            return (
              <li key={id} class="label">
                <CodeImage code={blankCodes[i]!} label={t('labels.blankCode', { id: fragment })} />
                <div class="label-text">
                  <span class="label-caption">{t('labels.blankCaption')}</span>
                  <span class="label-id">{fragment}</span>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </Page>
  );
}

function layoutText(layout: LabelLayout, { t, locale }: Translator): string {
  const mm = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return t('labels.layoutOption', {
    count: labelCount(layout),
    columns: layout.columns,
    rows: layout.rows,
    width: mm.format(layout.labelWidth),
    height: mm.format(layout.labelHeight),
  });
}

/** A code drawn as vector shapes, so it prints sharp at any size, with its quiet zone. */
function CodeImage({ code, label }: { readonly code: Code; readonly label: string }) {
  const full = code.size + 2 * QUIET_ZONE;
  return (
    <svg
      class="label-code"
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${full} ${full}`}
      shape-rendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={full} height={full} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  );
}
