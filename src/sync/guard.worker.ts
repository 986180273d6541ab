/// <reference lib="webworker" />
// Decodes one untrusted update per message; the page terminates this worker
// if it takes too long, which is the point of running it here.
import { decodeVerdict } from './guard';

self.onmessage = (event: MessageEvent<Uint8Array>) => {
  self.postMessage(decodeVerdict(event.data));
};
