/**
 * One RTCPeerConnection with one data channel, for both carriers: the
 * signaling client trickles candidates as they are found; QR pairing waits
 * until gathering is complete, so one code carries everything.
 *
 * The data channel is negotiated (id 0 on both sides) rather than announced
 * in-band: neither side waits for a 'datachannel' event, and both carriers
 * open it the same way.
 */
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { MAX_SDP_CHARS } from './room';
import { channelFromDataChannel } from './webrtc-channel';
import type { WebRtcChannel } from './webrtc-channel';

const DEFAULT_GATHER_TIMEOUT_MS = 5_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
/** Candidates that arrive before the description they belong to wait here, up to this many. */
const MAX_EARLY_CANDIDATES = 64;

export type PeerProblem = 'timeout' | 'failed' | 'closed';

/** channel() rejects with this: the link never opened. */
export class PeerError extends Error {
  readonly problem: PeerProblem;

  constructor(problem: PeerProblem) {
    super(`peer link ${problem}`);
    this.name = 'PeerError';
    this.problem = problem;
  }
}

export type AcceptProblem = 'wrong-type' | 'too-large' | 'rejected' | 'already-accepted' | 'closed';

export interface PeerOptions {
  /** The initiator makes the offer; the other side answers it. */
  readonly initiator: boolean;
  readonly iceServers: readonly RTCIceServer[];
  /**
   * Given: each candidate goes out as soon as it is found, and the local
   * description does not wait for gathering. Absent: the description waits
   * for gathering to complete (or gatherTimeoutMs) and carries every candidate.
   */
  readonly onCandidate?: (candidate: RTCIceCandidateInit) => void;
  readonly gatherTimeoutMs?: number;
  /** How long the link may take to open once the remote description is accepted. */
  readonly connectTimeoutMs?: number;
  /** Stands in for `new RTCPeerConnection` where there is none. */
  readonly makeConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
}

export interface Peer {
  /** The offer (initiator) or, once acceptRemote has taken the offer, the answer. */
  localDescription(): Promise<Result<RTCSessionDescriptionInit, 'closed' | 'failed'>>;
  acceptRemote(description: RTCSessionDescriptionInit): Promise<Result<void, AcceptProblem>>;
  /** Bad candidates are ignored: one unusable address must not end the link. */
  addCandidate(candidate: RTCIceCandidateInit): Promise<void>;
  /** Resolves when the data channel opens; rejects with a PeerError. */
  channel(): Promise<WebRtcChannel>;
  /** Closes the connection and, if it opened, the channel. */
  close(): void;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

export function createPeer(options: PeerOptions): Peer {
  const make = options.makeConnection ?? ((configuration) => new RTCPeerConnection(configuration));
  const pc = make({ iceServers: [...options.iceServers] });
  const dc = pc.createDataChannel('tally', { negotiated: true, id: 0, ordered: true });
  const local = deferred<Result<RTCSessionDescriptionInit, 'closed' | 'failed'>>();
  const opened = deferred<WebRtcChannel>();
  // A rejection nobody awaited yet must not be reported as unhandled.
  opened.promise.catch(() => undefined);
  let channel: WebRtcChannel | null = null;
  let closed = false;
  let remoteSet = false;
  let accepting = false;
  let connectTimer: ReturnType<typeof setTimeout> | null = null;
  const earlyCandidates: RTCIceCandidateInit[] = [];

  const end = (problem: PeerProblem): void => {
    if (closed) return;
    closed = true;
    if (connectTimer !== null) clearTimeout(connectTimer);
    local.resolve(err(problem === 'failed' ? 'failed' : 'closed'));
    opened.reject(new PeerError(problem));
    if (channel !== null) channel.close(problem === 'failed' ? 'connection-failed' : 'closed');
    else dc.close();
    pc.close();
  };

  dc.addEventListener(
    'open',
    () => {
      if (closed) return;
      if (connectTimer !== null) clearTimeout(connectTimer);
      channel = channelFromDataChannel(dc);
      // Once the channel ends, the connection has no other use.
      channel.onClose(() => end('closed'));
      opened.resolve(channel);
    },
    { once: true },
  );
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') end('failed');
    else if (pc.connectionState === 'closed') end('closed');
  });
  if (options.onCandidate !== undefined) {
    const send = options.onCandidate;
    pc.addEventListener('icecandidate', (event) => {
      // A null or empty candidate only marks the end of gathering.
      if (event.candidate !== null && event.candidate.candidate !== '') send(event.candidate.toJSON());
    });
  }

  const waitForGathering = (): Promise<void> => {
    if (options.onCandidate !== undefined || pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(finish, options.gatherTimeoutMs ?? DEFAULT_GATHER_TIMEOUT_MS);
      function finish(): void {
        clearTimeout(timer);
        pc.removeEventListener('icegatheringstatechange', onChange);
        done();
      }
      function onChange(): void {
        if (pc.iceGatheringState === 'complete') finish();
      }
      pc.addEventListener('icegatheringstatechange', onChange);
    });
  };

  const publishLocal = async (make: () => Promise<RTCSessionDescriptionInit>): Promise<void> => {
    try {
      await pc.setLocalDescription(await make());
      // Whatever was gathered by then goes out; a slow interface is not worth a dead code.
      await waitForGathering();
      const description = pc.localDescription;
      if (closed || description === null) return;
      local.resolve(ok({ type: description.type, sdp: description.sdp }));
    } catch {
      end('failed');
    }
  };

  if (options.initiator) void publishLocal(() => pc.createOffer());

  const startConnectTimer = (): void => {
    connectTimer = setTimeout(() => end('timeout'), options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  };

  return {
    localDescription: () => local.promise,
    async acceptRemote(description) {
      if (closed) return err('closed');
      if (accepting || remoteSet) return err('already-accepted');
      if (description.type !== (options.initiator ? 'answer' : 'offer')) return err('wrong-type');
      if (typeof description.sdp !== 'string' || description.sdp.length > MAX_SDP_CHARS) return err('too-large');
      accepting = true;
      try {
        await pc.setRemoteDescription({ type: description.type, sdp: description.sdp });
      } catch {
        accepting = false;
        return closed ? err('closed') : err('rejected');
      }
      remoteSet = true;
      for (const candidate of earlyCandidates.splice(0)) await pc.addIceCandidate(candidate).catch(() => undefined);
      if (!options.initiator) void publishLocal(() => pc.createAnswer());
      startConnectTimer();
      return ok(undefined);
    },
    async addCandidate(candidate) {
      if (closed) return;
      if (!remoteSet) {
        if (earlyCandidates.length < MAX_EARLY_CANDIDATES) earlyCandidates.push(candidate);
        return;
      }
      await pc.addIceCandidate(candidate).catch(() => undefined);
    },
    channel: () => opened.promise,
    close: () => end('closed'),
  };
}
