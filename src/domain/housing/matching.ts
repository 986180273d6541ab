/**
 * Which hosts a request could go to, fairest first. A host is a member whose
 * latest roster entry pledges housing large enough (people, nights, step-free
 * access when needed), who is not the one asking, and who has room on every
 * night asked for once the stays they already host are counted.
 *
 * Fair means the burden is shared: those who have hosted fewest stays come
 * first, then those whose last night hosting is longest ago (never before
 * anyone who has), then an order drawn from the request's id and the host's
 * key, so equal hosts do not always see the same one asked first, and every
 * phone shows the same list.
 */
import { hash32 } from '../caretakers';
import type { MemberKey } from '../events';
import type { RosterState } from '../roster';
import { buffersACrisis } from './project';
import type { HousingRequestState, HousingState } from './types';

export interface HostMatch {
  readonly host: MemberKey;
  /** Stays they hosted that housed someone. */
  readonly hosted: number;
  /** The day of the last night they hosted, or null for never. */
  readonly lastNight: number | null;
}

export function matchHosts(request: HousingRequestState, roster: RosterState, housing: HousingState): HostMatch[] {
  const history = new Map<MemberKey, { hosted: number; lastNight: number | null }>();
  const load = new Map<MemberKey, number[]>();
  const first = request.from;
  const last = request.from + request.nights;
  const busyHere = new Set<MemberKey>();
  for (const stay of housing.stays.values()) {
    if (!buffersACrisis(stay)) continue;
    const past = history.get(stay.host) ?? { hosted: 0, lastNight: null };
    const lastNight = stay.from + stay.nightsStayed - 1;
    history.set(stay.host, { hosted: past.hosted + 1, lastNight: Math.max(past.lastNight ?? lastNight, lastNight) });
    if (stay.request === request.id) busyHere.add(stay.host);
    // Guests each night of the request, for this host.
    const nights = load.get(stay.host) ?? new Array<number>(request.nights).fill(0);
    for (let day = Math.max(first, stay.from); day < Math.min(last, stay.from + stay.nightsStayed); day++) nights[day - first]! += stay.people;
    load.set(stay.host, nights);
  }

  const matches: (HostMatch & { readonly order: number })[] = [];
  for (const entry of roster.entries.values()) {
    const pledge = entry.housing;
    if (pledge === null || !entry.roles.includes('housing') || entry.author === request.requester || busyHere.has(entry.author)) continue;
    if (pledge.capacity < request.people || pledge.nights < request.nights || (request.accessible && !pledge.accessible)) continue;
    const guests = load.get(entry.author) ?? [];
    if (guests.some((count) => count + request.people > pledge.capacity)) continue;
    const past = history.get(entry.author) ?? { hosted: 0, lastNight: null };
    matches.push({ host: entry.author, ...past, order: hash32(`${request.id}:${entry.author}`) });
  }
  return matches
    .sort((a, b) => a.hosted - b.hosted || compareLastNights(a.lastNight, b.lastNight) || a.order - b.order || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
    .map(({ host, hosted, lastNight }) => ({ host, hosted, lastNight }));
}

/** Never hosted first, then the longest ago. */
function compareLastNights(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}
