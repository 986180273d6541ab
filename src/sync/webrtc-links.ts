/**
 * The open links of one phone, by label. A host at a gathering keeps one per
 * guest, and the session layer runs a session on each: opening a link never
 * closes another; a link leaves the list when its channel closes.
 */
import type { Channel } from './channel';

export interface Link {
  /** The remote peer id (signaling) or "pair-" and the offer id (QR pairing). */
  readonly label: string;
  readonly channel: Channel;
  readonly openedAt: number;
}

export interface LinkSet {
  add(label: string, channel: Channel): void;
  list(): readonly Link[];
  /** Called after every change; returns a function that stops the calls. */
  onChange(listener: (links: readonly Link[]) => void): () => void;
  closeAll(reason?: string): void;
}

export function createLinkSet(now: () => number = () => Date.now()): LinkSet {
  let links: readonly Link[] = [];
  const listeners = new Set<(links: readonly Link[]) => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener(links);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  return {
    add(label, channel) {
      const link: Link = { label, channel, openedAt: now() };
      links = [...links, link];
      channel.onClose(() => {
        if (!links.includes(link)) return;
        links = links.filter((each) => each !== link);
        changed();
      });
      changed();
    },
    list: () => links,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    closeAll(reason = 'closed') {
      for (const link of links) link.channel.close(reason);
    },
  };
}
