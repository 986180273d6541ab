/**
 * Hash routes, so that a printed code or a link can open a screen of an app
 * served from any static host, and so that no server needs rewrite rules.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'start' }
  | { readonly name: 'create' }
  | { readonly name: 'join' }
  | { readonly name: 'members' }
  | { readonly name: 'member'; readonly key: string }
  | { readonly name: 'invite' }
  | { readonly name: 'me' }
  | { readonly name: 'settings' }
  | { readonly name: 'diagnostics' }
  /** Record an exchange; a listing or a role can prefill the form. */
  | { readonly name: 'exchange'; readonly role?: 'provider' | 'receiver'; readonly listing?: string }
  /** A draft this phone made, shown as a code while it waits for the countersignature. */
  | { readonly name: 'draft'; readonly id: string }
  /** Scan any Tally code: it opens what the code is for. */
  | { readonly name: 'scan' }
  | { readonly name: 'statement' }
  | { readonly name: 'cycle' }
  | { readonly name: 'board' }
  | { readonly name: 'post'; readonly side?: 'offer' | 'need' }
  | { readonly name: 'listing'; readonly id: string }
  | { readonly name: 'circle-settings' }
  | { readonly name: 'sync' }
  | { readonly name: 'not-found'; readonly path: string };

const MAX_HASH = 512;
const RECORD_ID = /^[A-Za-z0-9_-]{43}$/;
const SIMPLE = new Set(['create', 'join', 'members', 'invite', 'me', 'settings', 'diagnostics', 'scan', 'statement', 'cycle', 'board', 'circle-settings', 'sync']);

function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key) params.set(key, value);
  }
  return params;
}

export function parseHash(hash: string): Route {
  const [pathPart = '', query = ''] = hash.slice(0, MAX_HASH).replace(/^#/, '').split('?');
  const path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
  const params = parseQuery(query);
  const [first = '', second, ...rest] = path.split('/');
  const notFound: Route = { name: 'not-found', path };
  if (rest.length > 0) return notFound;
  if (first === '') return { name: 'home' };
  if (first === 'welcome' || first === 'start') return second === undefined ? { name: 'start' } : notFound;
  if (SIMPLE.has(first)) return second === undefined ? ({ name: first } as Route) : notFound;
  switch (first) {
    case 'member':
      return second !== undefined && RECORD_ID.test(second) ? { name: 'member', key: second } : notFound;
    case 'draft':
      return second !== undefined && RECORD_ID.test(second) ? { name: 'draft', id: second } : notFound;
    case 'listing':
      return second !== undefined && RECORD_ID.test(second) ? { name: 'listing', id: second } : notFound;
    case 'exchange': {
      if (second !== undefined) return notFound;
      const role = params.get('role');
      const listing = params.get('listing');
      return {
        name: 'exchange',
        ...(role === 'provider' || role === 'receiver' ? { role } : {}),
        ...(listing !== undefined && RECORD_ID.test(listing) ? { listing } : {}),
      };
    }
    case 'post': {
      if (second !== undefined) return notFound;
      const side = params.get('side');
      return { name: 'post', ...(side === 'offer' || side === 'need' ? { side } : {}) };
    }
    default:
      return notFound;
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'member':
      return `#/member/${route.key}`;
    case 'draft':
      return `#/draft/${route.id}`;
    case 'listing':
      return `#/listing/${route.id}`;
    case 'exchange': {
      const query = [route.role && `role=${route.role}`, route.listing && `listing=${route.listing}`].filter(Boolean).join('&');
      return query ? `#/exchange?${query}` : '#/exchange';
    }
    case 'post':
      return route.side ? `#/post?side=${route.side}` : '#/post';
    case 'not-found':
      return `#/${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  const href = hrefFor(route);
  if (location.hash !== href) location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
