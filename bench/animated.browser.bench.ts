// qr.animated_bytes_per_s: how fast an animated code carries a sync payload
// from one phone to another with no network, through a real camera pipeline.
//
// Setup (not measured): about 20 kB of real signed records, sealed with the
// circle key as the app sends them, is turned into its stream of fountain
// frames (full-size frames, at most QR version 15 at level M). The first
// 2k frames (k = the payload's blocks) are written as a .y4m at 8 frames a
// second, the most the app shows, which Chromium's fake camera loops. A page
// that mounts the AnimatedScanner on its own (test/e2e/fixtures/animated) is
// built with Vite and served on loopback.
//
// Measured: payload bytes divided by the seconds from the first frame the
// scanner took in to completion, in the page's clock. Where in the loop the
// camera starts is left to chance, as it is for a person pointing a phone.
// Median of 3 runs, each in a fresh Chromium.
//
// qr.animated_frame_version: the largest QR version among the frames shown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesEqual } from '../src/records/bytes';
import { launchBrowser } from '../test/e2e/lib/browser';
import { sealedRecordsPayload, serveAnimatedPage, waitForScan, writeAnimatedCamera } from '../test/e2e/lib/animated';
import { report } from './lib/print';
import { median, note, summary } from './lib/stats';

const RUNS = 3;
const FPS = 8;
const PAYLOAD_BYTES = 20_000;
const SCAN_TIMEOUT_MS = 120_000;

const scratch = await mkdtemp(join(tmpdir(), 'tally-bench-animated-'));
try {
  const server = await serveAnimatedPage(join(scratch, 'page'));
  try {
    const sent = sealedRecordsPayload(PAYLOAD_BYTES);
    const cameraFile = join(scratch, 'camera.y4m');
    const camera = await writeAnimatedCamera(cameraFile, sent.payload, { framesPerBlock: 2, fps: FPS });
    note(`animated: ${sent.payload.length} bytes in ${camera.blocks} blocks; ${camera.frames} frames at ${FPS} fps, QR version ${camera.version}`);
    const rates: number[] = [];
    const received: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const browser = await launchBrowser({ cameraFile });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/#scanner`);
        const scan = await waitForScan(page, SCAN_TIMEOUT_MS);
        if (!bytesEqual(scan.payload, sent.payload)) throw new Error('the scanned payload differs from the one sent');
        rates.push(sent.payload.length / (scan.elapsedMs / 1000));
        received.push(scan.received);
        note(`animated: run ${run + 1}: ${(scan.elapsedMs / 1000).toFixed(2)} s, ${scan.received} frames taken in, ${scan.ignored} ignored`);
      } finally {
        await browser.close();
      }
    }
    note(`animated: bytes/s ${summary(rates, 0)}; frames needed per block ${summary(received.map((n) => n / camera.blocks), 2)}`);
    report('qr.animated_bytes_per_s', median(rates), 'bytes/s', 0);
    report('qr.animated_frame_version', camera.version, 'version', 0);
  } finally {
    await server.stop();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
