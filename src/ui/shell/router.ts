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
  /** The tool library: browse and search; a category, area or availability can be preset. */
  | { readonly name: 'tools' }
  /** One tool's page; printed labels link here. */
  | { readonly name: 'tool'; readonly id: string }
  /** Register a tool; a blank label being claimed can come along. */
  | { readonly name: 'tool-new'; readonly label?: string }
  /** A printed blank label scanned with a phone's own camera: claim it for a tool, or open the tool it names. */
  | { readonly name: 'label'; readonly id: string }
  /** Printable sheets of label codes. */
  | { readonly name: 'labels'; readonly tool?: string }
  /** The neighbourhood's areas with the tools in each and the loans between them. */
  | { readonly name: 'areas' }
  /** This cycle's caretaker duos, volunteering, and the maintenance alerts. */
  | { readonly name: 'caretakers' }
  /** Mutual defense: the roster, one's own entry, and whom one calls. */
  | { readonly name: 'defense' }
  /** The solidarity agreement: read, sign, propose a new version. */
  | { readonly name: 'agreement' }
  /** The emergency fund: balance, giving, asking, deciding on requests, the circle's rules for payouts. */
  | { readonly name: 'fund' }
  /** The fund's totals as the circle may publish them, with no names: `#/fund/totals`. */
  | { readonly name: 'fund-totals' }
  /** Court dates: upcoming hearings, posting one, the history; or one date, to sign up, withdraw or cancel. */
  | { readonly name: 'court'; readonly date?: string }
  /** Housing in a crisis: asking, the hosts who match, recording and ending stays. */
  | { readonly name: 'housing' }
  | { readonly name: 'not-found'; readonly path: string };

const MAX_HASH = 512;
const RECORD_ID = /^[A-Za-z0-9_-]{43}$/;
const SIMPLE = new Set(['create', 'join', 'members', 'invite', 'me', 'settings', 'diagnostics', 'scan', 'statement', 'cycle', 'board', 'circle-settings', 'sync', 'tools', 'areas', 'caretakers', 'defense', 'agreement', 'housing']);
/** A printed label's id: 16 random bytes, unpadded base64url. */
const LABEL_ID = /^[A-Za-z0-9_-]{22}$/;

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
    case 'tool':
      return second !== undefined && RECORD_ID.test(second) ? { name: 'tool', id: second } : notFound;
    case 'fund':
      return second === undefined ? { name: 'fund' } : second === 'totals' ? { name: 'fund-totals' } : notFound;
    case 'label':
      return second !== undefined && LABEL_ID.test(second) ? { name: 'label', id: second } : notFound;
    case 'court':
      if (second === undefined) return { name: 'court' };
      return RECORD_ID.test(second) ? { name: 'court', date: second } : notFound;
    case 'tool-new': {
      if (second !== undefined) return notFound;
      const label = params.get('label');
      return { name: 'tool-new', ...(label !== undefined && LABEL_ID.test(label) ? { label } : {}) };
    }
    case 'labels': {
      if (second !== undefined) return notFound;
      const tool = params.get('tool');
      return { name: 'labels', ...(tool !== undefined && RECORD_ID.test(tool) ? { tool } : {}) };
    }
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
    case 'tool':
      return `#/tool/${route.id}`;
    case 'label':
      return `#/label/${route.id}`;
    case 'court':
      return route.date ? `#/court/${route.date}` : '#/court';
    case 'tool-new':
      return route.label ? `#/tool-new?label=${route.label}` : '#/tool-new';
    case 'labels':
      return route.tool ? `#/labels?tool=${route.tool}` : '#/labels';
    case 'exchange': {
      const query = [route.role && `role=${route.role}`, route.listing && `listing=${route.listing}`].filter(Boolean).join('&');
      return query ? `#/exchange?${query}` : '#/exchange';
    }
    case 'post':
      return route.side ? `#/post?side=${route.side}` : '#/post';
    case 'fund-totals':
      return '#/fund/totals';
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
