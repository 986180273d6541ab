/**
 * A duplex channel of byte messages: what every carrier gives a sync session
 * (a WebRTC data channel, a paired link at a gathering, a simulated network in
 * tests). Messages arrive whole and in order while the channel is open; a
 * carrier that cannot promise that (an animated code, a file) does not use a
 * session but carries a state-vector diff instead.
 */
export interface Channel {
  /** The largest message the carrier takes; the session splits larger ones. */
  readonly maxMessageBytes: number;
  send(message: Uint8Array): void;
  /** Resolves when the carrier's send buffer has drained enough to take more. */
  drained(): Promise<void>;
  close(reason?: string): void;
  onMessage(listener: (message: Uint8Array) => void): void;
  onClose(listener: (reason: string) => void): void;
}

/** WebRTC data channels in Chromium refuse messages over 256 KiB; staying well below also keeps memory flat. */
export const DATA_CHANNEL_MAX_BYTES = 64 * 1024;
