// storage.reopen_growth_pct: how much IndexedDB grows when a member opens the
// app 20 more times without changing anything. A fresh Chromium profile
// installs the app (service worker controlling), explores the demo circle
// (open 1), then 20 times closes the page and opens a new one at /#/ (opens 2
// to 21). After each open the app is left until its writes settle: the app
// folds y-indexeddb's stored updates into one in an idle callback after
// opening, so the bench polls the storage until it is unchanged for 1 s and
// that idle callback has run (capped at 15 s). The size is the logical one described in
// lib/app.ts (every key and value of every database of the origin).
//   storage.idb_bytes                 logical bytes after open 1
//   storage.reopen_growth_pct         (after open 21 - after open 1) / after open 1
//   storage.idb_physical_growth_pct   the same on Chromium's own on-disk figure
//                                     (navigator.storage.estimate().usageDetails
//                                     .indexedDB); LevelDB logs and compacts on
//                                     its own schedule, so this one is noisy
//   storage.reopen_growth_uncompacted_pct
//                                     the same logical ratio on a second fresh
//                                     profile where the page's
//                                     requestIdleCallback never calls back. The
//                                     app's idle step is its only use, so this
//                                     is the same build without the fold, which
//                                     shows what the fold saves.
// Opens after which the idle step ran but left more than one stored update are
// counted on stderr: the app decides whether to fold from a count y-indexeddb
// may not have read yet.
import { installAndOpenDemo, reopen, settledStorage, startBenchApp } from './lib/app';
import type { StorageSample } from './lib/app';
import { report } from './lib/print';
import { note } from './lib/stats';

const REOPENINGS = 20;

interface Run {
  readonly first: StorageSample;
  readonly last: StorageSample;
}

async function openRepeatedly(label: string, compacted: boolean): Promise<Run> {
  const app = await startBenchApp(compacted ? 'watch' : 'withhold');
  try {
    const page = await installAndOpenDemo(app);
    const first = await settledStorage(page, { compacted });
    await page.close();
    note(`${label} open 1: ${first.bytes} B logical, ${first.physical ?? '?'} B physical; ${first.detail}`);
    let last = first;
    let unfolded = first.docUpdates > 1 ? 1 : 0;
    for (let open = 2; open <= REOPENINGS + 1; open++) {
      const again = await reopen(app);
      last = await settledStorage(again, { compacted });
      await again.close();
      if (last.docUpdates > 1) unfolded += 1;
      note(`${label} open ${open}: ${last.bytes} B logical, ${last.physical ?? '?'} B physical, ${last.docUpdates} stored document updates`);
    }
    note(`${label} open ${REOPENINGS + 1}: ${last.detail}`);
    if (compacted) note(`${label}: ${unfolded} of ${REOPENINGS + 1} opens ended with the stored updates not folded`);
    return { first, last };
  } finally {
    await app.close();
  }
}

const growthPct = (first: number, last: number): number => ((last - first) / first) * 100;

const compacted = await openRepeatedly('storage', true);
report('storage.idb_bytes', compacted.first.bytes, 'bytes', 0);
report('storage.reopen_growth_pct', growthPct(compacted.first.bytes, compacted.last.bytes), '%');
if (compacted.first.physical !== null && compacted.last.physical !== null) {
  report('storage.idb_physical_growth_pct', growthPct(compacted.first.physical, compacted.last.physical), '%');
} else {
  note('storage: Chromium gave no IndexedDB usage figure; storage.idb_physical_growth_pct is left out');
}

const uncompacted = await openRepeatedly('uncompacted', false);
report('storage.reopen_growth_uncompacted_pct', growthPct(uncompacted.first.bytes, uncompacted.last.bytes), '%');
