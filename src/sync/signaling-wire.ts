/**
 * The JSON that y-webrtc's signaling servers speak (its bin/server.js):
 *   client -> server  {type:'subscribe'|'unsubscribe', topics:[...]}
 *                     {type:'publish', topic, data}   relayed to every subscriber of topic, sender included
 *                     {type:'ping'}                   answered with {type:'pong'}
 *   server -> client  {type:'publish', topic, data, clients}  and  {type:'pong'}
 * The server is not trusted: what it sends is bounded and checked here, and
 * what it relays is sealed (room.ts), so a lying server can only drop messages.
 */
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

/** Sealed signals stay far below this; anything larger is not ours. */
export const MAX_SERVER_MESSAGE_CHARS = 64 * 1024;
const MAX_TOPIC_CHARS = 128;

export type ServerMessage =
  | { readonly type: 'publish'; readonly topic: string; readonly data: unknown }
  | { readonly type: 'pong' };

export type WireProblem = 'too-large' | 'malformed' | 'unexpected';

export function subscribeMessage(topics: readonly string[]): string {
  return JSON.stringify({ type: 'subscribe', topics });
}

export function unsubscribeMessage(topics: readonly string[]): string {
  return JSON.stringify({ type: 'unsubscribe', topics });
}

export function publishMessage(topic: string, data: string): string {
  return JSON.stringify({ type: 'publish', topic, data });
}

export function pingMessage(): string {
  return JSON.stringify({ type: 'ping' });
}

export function parseServerMessage(data: unknown): Result<ServerMessage, WireProblem> {
  // Binary frames (a Blob or ArrayBuffer) are not part of the protocol.
  if (typeof data !== 'string') return err('malformed');
  if (data.length > MAX_SERVER_MESSAGE_CHARS) return err('too-large');
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return err('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('malformed');
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'pong':
      return ok({ type: 'pong' });
    case 'publish': {
      const topic = message['topic'];
      if (typeof topic !== 'string' || topic.length > MAX_TOPIC_CHARS) return err('malformed');
      return ok({ type: 'publish', topic, data: message['data'] });
    }
    default:
      return err(typeof message['type'] === 'string' ? 'unexpected' : 'malformed');
  }
}
