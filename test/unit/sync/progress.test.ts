import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/app/sync';
import { changeDisplayName } from '../../../src/app/circles';
import { receivingPercent } from '../../../src/app/sync-manager';
import type { LinkInfo } from '../../../src/app/sync-manager';
import { inlineGuard } from '../../../src/sync/guard';
import { memoryLink } from '../../../src/sync/memory-channel';
import type { SessionStats } from '../../../src/sync/session';
import { foundingPhone, joiningPhoneUnsynced } from '../../fixtures/app';

describe('progress of a message arriving in pieces', () => {
  it('is told as it grows, once per whole percent at most, and ends with the message', async () => {
    const ana = await foundingPhone('Ana', 41);
    for (let i = 0; i < 30; i++) await changeDisplayName(ana.circle, `Ana ${i}`, ana.deps);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 42);
    const link = memoryLink(200);
    startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const k = startSession(kofi.circle, link.b, inlineGuard, kofi.deps);
    const heard: SessionStats[] = [];
    k.onChange((stats) => heard.push(stats));
    const started = Date.now();
    while (k.current().state !== 'synced') {
      if (Date.now() - started > 5000) throw new Error('no sync');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const partial = heard.filter((stats) => stats.incoming !== null);
    expect(partial.length).toBeGreaterThan(3);
    const largest = Math.max(...partial.map((stats) => stats.incoming!.count));
    expect(largest).toBeGreaterThan(20);
    // Far fewer reports than pieces; each report no further back than the last.
    expect(partial.length).toBeLessThanOrEqual(101 * 4);
    for (const stats of partial) {
      const { pieces, count, bytes, maxBytes } = stats.incoming!;
      expect(pieces).toBeGreaterThan(0);
      expect(pieces).toBeLessThan(count);
      expect(bytes).toBeLessThanOrEqual(maxBytes);
      const link: LinkInfo = { id: 1, carrier: 'online', label: '', startedAt: 0, stats };
      const percent = receivingPercent(link)!;
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThan(100);
    }
    expect(k.current().incoming).toBeNull();
  });
});
