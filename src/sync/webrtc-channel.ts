/**
 * An open WebRTC data channel as a Channel. The peer on the other end is not
 * trusted: text messages and messages larger than we ever send are dropped
 * and counted rather than handed on, and nothing the peer does throws here.
 */
import { DATA_CHANNEL_MAX_BYTES } from './channel';
import type { Channel } from './channel';

/**
 * drained() waits while more than this is queued. Low enough that a slow link
 * does not hold megabytes in the phone's memory, high enough to keep a fast
 * one busy between refills.
 */
export const LOW_WATER_BYTES = 256 * 1024;
/** Messages that arrive before anyone listens are kept, up to this many (a few MiB at most). */
const MAX_EARLY_MESSAGES = 64;

/**
 * Why a channel closed: the reason given to close(), or one of these when it
 * closed by itself. 'remote-closed' covers the peer closing and the link
 * dying without a word.
 */
export type DataChannelCloseReason = 'closed' | 'remote-closed' | 'error' | 'connection-failed' | 'send-failed';

export interface DataChannelStats {
  readonly messagesIn: number;
  readonly messagesOut: number;
  readonly droppedNotBinary: number;
  readonly droppedTooLarge: number;
  /** Arrived before any listener and beyond the early buffer. */
  readonly droppedUnheard: number;
}

export interface WebRtcChannel extends Channel {
  stats(): DataChannelStats;
  /** Null while open. */
  closeReason(): string | null;
}

type Listener<T> = (value: T) => void;

export function channelFromDataChannel(dc: RTCDataChannel, maxMessageBytes = DATA_CHANNEL_MAX_BYTES): WebRtcChannel {
  dc.binaryType = 'arraybuffer';
  dc.bufferedAmountLowThreshold = LOW_WATER_BYTES;
  const messageListeners: Listener<Uint8Array>[] = [];
  const closeListeners: Listener<string>[] = [];
  const early: Uint8Array[] = [];
  let drainWaiters: (() => void)[] = [];
  let reason: string | null = dc.readyState === 'closing' || dc.readyState === 'closed' ? 'remote-closed' : null;
  const stats = { messagesIn: 0, messagesOut: 0, droppedNotBinary: 0, droppedTooLarge: 0, droppedUnheard: 0 };

  const releaseDrainWaiters = (): void => {
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const done of waiters) done();
  };

  const finish = (why: string): void => {
    if (reason !== null) return;
    reason = why;
    dc.removeEventListener('message', onMessage);
    // A sender waiting for room must not wait forever on a dead channel.
    releaseDrainWaiters();
    if (dc.readyState === 'open' || dc.readyState === 'connecting') dc.close();
    for (const listener of closeListeners) callSafely(listener, why);
  };

  const onMessage = (event: MessageEvent<unknown>): void => {
    const data = event.data;
    if (!(data instanceof ArrayBuffer)) {
      stats.droppedNotBinary++;
      return;
    }
    if (data.byteLength > maxMessageBytes) {
      stats.droppedTooLarge++;
      return;
    }
    stats.messagesIn++;
    const message = new Uint8Array(data);
    if (messageListeners.length === 0) {
      if (early.length < MAX_EARLY_MESSAGES) early.push(message);
      else stats.droppedUnheard++;
      return;
    }
    for (const listener of messageListeners) callSafely(listener, message);
  };

  dc.addEventListener('message', onMessage);
  dc.addEventListener('bufferedamountlow', releaseDrainWaiters);
  dc.addEventListener('close', () => finish('remote-closed'), { once: true });
  dc.addEventListener('error', () => finish('error'), { once: true });

  return {
    maxMessageBytes,
    send(message) {
      if (reason !== null || dc.readyState !== 'open') return;
      if (message.length > maxMessageBytes) throw new RangeError('message larger than the channel takes');
      try {
        // A view over a shared or larger buffer is copied: send() takes exactly the bytes it is given.
        dc.send(message.buffer instanceof ArrayBuffer ? (message as Uint8Array<ArrayBuffer>) : message.slice());
        stats.messagesOut++;
      } catch {
        // Chromium throws when its send queue is full; the session must start again.
        finish('send-failed');
      }
    },
    drained() {
      if (reason !== null || dc.bufferedAmount <= LOW_WATER_BYTES) return Promise.resolve();
      return new Promise((done) => drainWaiters.push(done));
    },
    close(why = 'closed') {
      finish(why);
    },
    onMessage(listener) {
      messageListeners.push(listener);
      if (messageListeners.length === 1 && early.length > 0) {
        const waiting = early.splice(0);
        // Later, so the caller can finish wiring (onClose, state) before the first message.
        queueMicrotask(() => {
          for (const message of waiting) for (const each of messageListeners) callSafely(each, message);
        });
      }
    },
    onClose(listener) {
      closeListeners.push(listener);
      if (reason !== null) {
        const why = reason;
        queueMicrotask(() => callSafely(listener, why));
      }
    },
    stats: () => ({ ...stats }),
    closeReason: () => reason,
  };
}

/** A listener's bug must not stop the others or the channel's own bookkeeping. */
function callSafely<T>(listener: Listener<T>, value: T): void {
  try {
    listener(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
