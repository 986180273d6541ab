// The animated code through a real camera pipeline: a sealed payload made in
// Node, its frames written as a looping .y4m for Chromium's fake camera, and a
// page that mounts the scanner on its own (test/e2e/fixtures/animated, built
// with Vite here, since the app has no screen for it yet).
//
// Code that runs in the page is kept in strings: the bench runner compiles
// TypeScript with helpers (function naming) that do not exist in the page.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import * as Y from 'yjs';
import { fromBase64Url } from '../../../src/records/bytes';
import { animatedFrames, sealedDiff } from '../../../src/sync/animated';
import { openSealedUpdates } from '../../../src/sync/sealed-file';
import type { CircleKey } from '../../../src/sync/sealed-file';
import { versionForText } from '../../../src/qr/generate';
import { admit, foundCircle, person, seededRandom, T0 } from '../../fixtures/circle';
import { renderCodeToRgba, writeY4m } from './fake-camera';
import { startStaticServer } from './server';
import type { StaticServer } from './server';

const FIXTURE = resolve('test/e2e/fixtures/animated');

/** Builds the test page into `outDir` and serves it on loopback. */
export async function serveAnimatedPage(outDir: string): Promise<StaticServer> {
  await build({
    root: FIXTURE,
    base: './',
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return startStaticServer({ root: outDir });
}

export interface SyncPayload {
  readonly circle: CircleKey;
  /** The sealed updates, as an animated code or a file carries them. */
  readonly payload: Uint8Array;
  /** What the receiving phone already held: the founding record. */
  readonly receiverState: Uint8Array;
  /** The records it lacked, which the payload must bring. */
  readonly recordIds: readonly string[];
}

/**
 * What a phone that knows only the founding would be sent: real signed
 * admission records, added until the sealed diff reaches `targetBytes`.
 */
export function sealedRecordsPayload(targetBytes: number): SyncPayload {
  const circle = foundCircle();
  const key: CircleKey = { id: circle.id, secret: seededRandom('animated-secret')(32) };
  const sender = new Y.Doc();
  const receiver = new Y.Doc();
  const records = sender.getMap<Uint8Array>('records');
  records.set(circle.founding.id, circle.founding.bytes);
  Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender));
  const random = seededRandom('animated-payload');
  for (let n = 1; ; n++) {
    const record = admit(circle, circle.founder, person(n), T0 + n * 60_000);
    records.set(record.id, record.bytes);
    if (Y.encodeStateAsUpdate(sender, Y.encodeStateVector(receiver)).length >= targetBytes) break;
  }
  const sealed = sealedDiff(key, sender, Y.encodeStateVector(receiver), random);
  if (!sealed.ok) throw new Error(`could not seal: ${sealed.error}`);
  return {
    circle: key,
    payload: sealed.value,
    receiverState: Y.encodeStateAsUpdate(receiver),
    recordIds: [...records.keys()].filter((id) => id !== circle.founding.id).sort(),
  };
}

/**
 * The record ids a received payload adds to the receiving phone: it must open
 * with the circle key and merge into what that phone held.
 */
export function recordIdsAdded(sync: SyncPayload, payload: Uint8Array): string[] {
  const opened = openSealedUpdates(sync.circle, payload);
  if (!opened.ok) throw new Error(`the payload does not open: ${opened.error}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, sync.receiverState);
  const before = new Set(doc.getMap<Uint8Array>('records').keys());
  Y.applyUpdate(doc, opened.value);
  const added = [...doc.getMap<Uint8Array>('records').keys()].filter((id) => !before.has(id));
  for (const id of added) if (fromBase64Url(id) === null) throw new Error(`not a record id: ${id}`);
  return added.sort();
}

export interface AnimatedCamera {
  readonly blocks: number;
  readonly frames: number;
  readonly version: number;
}

export interface AnimatedCameraOptions {
  /**
   * Frames of the stream written to the file, per block of the payload.
   * Chromium loops the file, so it must hold enough for the fountain's overhead.
   */
  readonly framesPerBlock: number;
  /** At most 8: what the app shows. */
  readonly fps: number;
  /** Pixels a module; a version 15 code is 85 modules with its quiet zone. */
  readonly scale?: number;
}

/** The first `count` code texts of a payload's stream, with a transfer id made from `label`. */
export function streamTexts(payload: Uint8Array, framesPerBlock: number, label: string): { texts: string[]; blocks: number } {
  const made = animatedFrames(payload, { random: seededRandom(`transfer ${label}`) });
  if (!made.ok) throw new Error(made.error);
  const count = Math.max(1, Math.ceil(made.value.blocks * framesPerBlock));
  const texts: string[] = [];
  for (const text of made.value) {
    texts.push(text);
    if (texts.length >= count) break;
  }
  return { texts, blocks: made.value.blocks };
}

/** Any code texts, one a frame, as the camera's looping video; the largest QR version among them. */
export async function writeCodesCamera(path: string, texts: readonly string[], fps: number, scale = 5): Promise<number> {
  await writeY4m(path, texts.map((text) => renderCodeToRgba(text, scale)), { fps, width: 640, height: 480 });
  return Math.max(...texts.map(versionForText));
}

/** Writes the first frames of the payload's stream as the camera's video. */
export async function writeAnimatedCamera(path: string, payload: Uint8Array, options: AnimatedCameraOptions): Promise<AnimatedCamera> {
  const { texts, blocks } = streamTexts(payload, options.framesPerBlock, path);
  const version = await writeCodesCamera(path, texts, options.fps, options.scale);
  return { blocks, frames: texts.length, version };
}

export interface ScanResult {
  readonly payload: Uint8Array;
  /** Milliseconds from the first frame taken in to completion. */
  readonly elapsedMs: number;
  readonly received: number;
  readonly ignored: number;
  readonly completions: number;
  readonly otherTransfers: number;
}

interface HarnessState {
  readonly payload: string | null;
  readonly firstFrameAt: number | null;
  readonly completedAt: number | null;
  readonly completions: number;
  readonly otherTransfers: number;
  readonly progress: { readonly received: number; readonly ignored: number } | null;
}

/** Waits until the scanner page has the whole payload. */
export async function waitForScan(page: Page, timeoutMs: number): Promise<ScanResult> {
  await page.waitForFunction('window.tallyAnimated.payload !== null', undefined, { timeout: timeoutMs, polling: 100 });
  const state = await page.evaluate<HarnessState>(
    '({ payload: window.tallyAnimated.payload, firstFrameAt: window.tallyAnimated.firstFrameAt, completedAt: window.tallyAnimated.completedAt, completions: window.tallyAnimated.completions, otherTransfers: window.tallyAnimated.otherTransfers, progress: window.tallyAnimated.progress })',
  );
  if (state.payload === null || state.firstFrameAt === null || state.completedAt === null || state.progress === null) {
    throw new Error(`incomplete scan state: ${JSON.stringify(state)}`);
  }
  return {
    payload: Uint8Array.from(Buffer.from(state.payload, 'hex')),
    elapsedMs: state.completedAt - state.firstFrameAt,
    received: state.progress.received,
    ignored: state.progress.ignored,
    completions: state.completions,
    otherTransfers: state.otherTransfers,
  };
}
