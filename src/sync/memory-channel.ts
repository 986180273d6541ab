/**
 * Two channel ends joined in memory, for tests and benchmarks: messages are
 * delivered in order, after the sender's task, and a link can be cut. The
 * network simulator drives delivery itself when it wants control of time.
 */
import type { Channel } from './channel';

export interface MemoryLink {
  readonly a: Channel;
  readonly b: Channel;
  /** Cuts the link: both ends see it closed; messages in flight are lost. */
  cut(): void;
  readonly bytes: { a: number; b: number };
}

interface End {
  channel: Channel;
  deliver: (message: Uint8Array) => void;
  closed: (reason: string) => void;
}

export function memoryLink(maxMessageBytes = 64 * 1024, schedule: (task: () => void) => void = (task) => queueMicrotask(task)): MemoryLink {
  let open = true;
  const bytes = { a: 0, b: 0 };
  const ends: End[] = [];
  const cut = (reason: string): void => {
    if (!open) return;
    open = false;
    for (const end of ends) schedule(() => end.closed(reason));
  };
  const makeEnd = (side: 'a' | 'b', other: () => End): End => {
    const messageListeners: ((message: Uint8Array) => void)[] = [];
    const closeListeners: ((reason: string) => void)[] = [];
    const end: End = {
      deliver: (message) => {
        for (const listener of messageListeners) listener(message);
      },
      closed: (reason) => {
        for (const listener of closeListeners) listener(reason);
      },
      channel: {
        maxMessageBytes,
        send: (message) => {
          if (!open) return;
          if (message.length > maxMessageBytes) throw new RangeError('message larger than the channel takes');
          bytes[side] += message.length;
          const copy = message.slice();
          schedule(() => {
            if (open) other().deliver(copy);
          });
        },
        drained: () => Promise.resolve(),
        close: (reason = 'closed') => cut(reason),
        onMessage: (listener) => void messageListeners.push(listener),
        onClose: (listener) => void closeListeners.push(listener),
      },
    };
    return end;
  };
  const a = makeEnd('a', () => ends[1]!);
  const b = makeEnd('b', () => ends[0]!);
  ends.push(a, b);
  return { a: a.channel, b: b.channel, cut: () => cut('cut'), bytes };
}
