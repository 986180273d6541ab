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
  | { readonly name: 'not-found'; readonly path: string };

const MAX_HASH = 512;

export function parseHash(hash: string): Route {
  const path = hash.slice(0, MAX_HASH).replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [first = '', second, ...rest] = path.split('/');
  if (rest.length > 0) return { name: 'not-found', path };
  switch (first) {
    case '':
      return { name: 'home' };
    case 'welcome':
    case 'start':
      return second === undefined ? { name: 'start' } : { name: 'not-found', path };
    case 'create':
    case 'join':
    case 'members':
    case 'invite':
    case 'me':
    case 'settings':
    case 'diagnostics':
      return second === undefined ? { name: first } : { name: 'not-found', path };
    case 'member':
      return second !== undefined && /^[A-Za-z0-9_-]{43}$/.test(second) ? { name: 'member', key: second } : { name: 'not-found', path };
    default:
      return { name: 'not-found', path };
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'member':
      return `#/member/${route.key}`;
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
