// Two phones in one new circle, both online through a local signaling server:
// the start of every browser test of mutual defense.
import { createCircle } from './app';
import { inviteByScanning } from './exchange';
import { goOnline, untilMembers } from './online';
import type { phoneKit } from './online';

export async function circleOfTwo(kit: ReturnType<typeof phoneKit>, baseUrl: string, founder: string, newcomer: string) {
  const server = await kit.server();
  const first = await kit.phone(founder.toLowerCase());
  const second = await kit.phone(newcomer.toLowerCase());
  await createCircle(first.page, baseUrl, 'Calle Sol', founder);
  await inviteByScanning({ baseUrl, member: first.page, memberCamera: first.camera, newcomer: second.page, newcomerCamera: second.camera }, newcomer);
  // Going online reloads the sync screen, and a reload locks a locked app: any lock comes after.
  for (const p of [first, second]) await goOnline(p.page, baseUrl, server.url);
  await untilMembers(second.page, baseUrl, [founder, newcomer]);
  return { server, first, second };
}
