import { describe, expect, it } from 'vitest';
import {
  LABEL_ID_BYTES,
  MAX_LINK_TEXT,
  appBaseOf,
  isLabelId,
  isToolId,
  labelLink,
  newLabelId,
  readDeepLink,
  toolLink,
} from '../../../src/app/deep-links';
import { parseHash } from '../../../src/ui/shell/router';
import { fromBase64Url, toBase64Url } from '../../../src/records/bytes';

const BASE = 'https://tally.example.org/';
const TOOL = toBase64Url(new Uint8Array(32).map((_, i) => i * 7 + 3));
const LABEL = toBase64Url(new Uint8Array(16).map((_, i) => 250 - i * 3));

describe('newLabelId', () => {
  it('is 16 random bytes as unpadded base64url', () => {
    const id = newLabelId((n) => new Uint8Array(n).fill(0xff));
    expect(id).toBe('_____________________w');
    expect(id).toHaveLength(22);
    expect(fromBase64Url(id)).toEqual(new Uint8Array(16).fill(0xff));
  });

  it('asks for exactly 16 bytes and refuses a short answer', () => {
    const asked: number[] = [];
    newLabelId((n) => {
      asked.push(n);
      return new Uint8Array(n);
    });
    expect(asked).toEqual([LABEL_ID_BYTES]);
    expect(() => newLabelId(() => new Uint8Array(15))).toThrow(RangeError);
  });

  it('uses the platform’s random numbers by default, and every id is one the router accepts', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newLabelId()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(isLabelId(id)).toBe(true);
      expect(parseHash(`#/label/${id}`)).toEqual({ name: 'label', id });
    }
  });
});

describe('links', () => {
  it('are absolute links to the app’s own address', () => {
    expect(toolLink(BASE, TOOL)).toBe(`https://tally.example.org/#/tool/${TOOL}`);
    expect(labelLink(BASE, LABEL)).toBe(`https://tally.example.org/#/label/${LABEL}`);
    expect(labelLink('http://127.0.0.1:4173/commons/', LABEL)).toBe(`http://127.0.0.1:4173/commons/#/label/${LABEL}`);
  });

  it('open the matching screen through the router', () => {
    const tool = new URL(toolLink(BASE, TOOL));
    const label = new URL(labelLink(BASE, LABEL));
    expect(parseHash(tool.hash)).toEqual({ name: 'tool', id: TOOL });
    expect(parseHash(label.hash)).toEqual({ name: 'label', id: LABEL });
  });

  it('take the base from a location without its query or hash', () => {
    expect(appBaseOf({ origin: 'https://tally.example.org', pathname: '/' })).toBe(BASE);
    expect(appBaseOf({ origin: 'https://x.example', pathname: '/app/index.html' })).toBe('https://x.example/app/index.html');
  });

  it('refuse ids of the wrong form and bases with a hash or query', () => {
    expect(() => toolLink(BASE, LABEL)).toThrow(RangeError);
    expect(() => labelLink(BASE, TOOL)).toThrow(RangeError);
    expect(() => labelLink(BASE, `${LABEL.slice(0, 21)}/`)).toThrow(RangeError);
    expect(() => labelLink(`${BASE}#/`, LABEL)).toThrow(RangeError);
    expect(() => toolLink(`${BASE}?x=1`, TOOL)).toThrow(RangeError);
  });
});

describe('id forms', () => {
  it('accept only the one spelling base64url gives the bytes', () => {
    expect(isLabelId(LABEL)).toBe(true);
    expect(isToolId(TOOL)).toBe(true);
    // 22 characters carry 132 bits for 128: the last character's low bits must be zero.
    expect(isLabelId('_____________________w')).toBe(true);
    expect(isLabelId('_____________________x')).toBe(false);
    expect(isToolId(`${TOOL.slice(0, 42)}_`)).toBe(false);
  });

  it('refuse other lengths and alphabets', () => {
    expect(isLabelId(LABEL.slice(1))).toBe(false);
    expect(isLabelId(`${LABEL}A`)).toBe(false);
    expect(isLabelId(`${LABEL.slice(0, 20)}+A`)).toBe(false);
    expect(isLabelId(`${LABEL.slice(0, 20)}=A`)).toBe(false);
    expect(isToolId(TOOL.replace(/./, 'é'))).toBe(false);
    expect(isToolId(LABEL)).toBe(false);
    expect(isLabelId(TOOL)).toBe(false);
  });
});

describe('readDeepLink', () => {
  it('reads this app’s own tool and label links', () => {
    expect(readDeepLink(toolLink(BASE, TOOL), BASE)).toEqual({ kind: 'tool', id: TOOL });
    expect(readDeepLink(labelLink(BASE, LABEL), BASE)).toEqual({ kind: 'label', id: LABEL });
  });

  it('forgives the whitespace some readers add around the text', () => {
    expect(readDeepLink(` ${labelLink(BASE, LABEL)}\r\n`, BASE)).toEqual({ kind: 'label', id: LABEL });
  });

  it('refuses another site’s sticker, and another Tally’s', () => {
    const hostile = [
      `https://evil.example/#/label/${LABEL}`,
      `http://tally.example.org/#/label/${LABEL}`,
      `https://tally.example.org.evil.example/#/label/${LABEL}`,
      `https://tally.example.org:8443/#/label/${LABEL}`,
      `https://tally.example.org/other/#/label/${LABEL}`,
      `https://user@tally.example.org/#/label/${LABEL}`,
      `https://evil.example/?https://tally.example.org/#/label/${LABEL}`,
      `//tally.example.org/#/label/${LABEL}`,
      `#/label/${LABEL}`,
      `/#/label/${LABEL}`,
      LABEL,
    ];
    for (const text of hostile) expect(readDeepLink(text, BASE), text).toBeNull();
    // A deployment under a path is a different app from one at the root of the same host.
    expect(readDeepLink(labelLink('https://host.example/a/', LABEL), 'https://host.example/b/')).toBeNull();
    expect(readDeepLink(labelLink('https://host.example/a', LABEL), 'https://host.example/ab')).toBeNull();
  });

  it('refuses extra path segments, queries, fragments and trailing slashes', () => {
    const hostile = [
      `${BASE}#/label/${LABEL}/`,
      `${BASE}#/label/${LABEL}/extra`,
      `${BASE}#/label/${LABEL}?x=1`,
      `${BASE}#/label/${LABEL}#more`,
      `${BASE}#//label/${LABEL}`,
      `${BASE}#/label//${LABEL}`,
      `${BASE}#/tools/${TOOL}`,
      `${BASE}#/labels/${LABEL}`,
      `${BASE}#/Label/${LABEL}`,
      `${BASE}#/label`,
      `${BASE}#/`,
      BASE,
      `${BASE}?#/label/${LABEL}`,
      `${BASE}x#/label/${LABEL}`,
      `${BASE}#/tool/${TOOL}/../label/${LABEL}`,
      `${BASE}#/member/${TOOL}`,
    ];
    for (const text of hostile) expect(readDeepLink(text, BASE), text).toBeNull();
  });

  it('refuses bad ids: wrong length, wrong alphabet, wrong kind, non-canonical', () => {
    const hostile = [
      `${BASE}#/label/${LABEL.slice(1)}`,
      `${BASE}#/label/${LABEL}A`,
      `${BASE}#/label/${TOOL}`,
      `${BASE}#/tool/${LABEL}`,
      `${BASE}#/label/${LABEL.slice(0, 21)}=`,
      `${BASE}#/label/${LABEL.slice(0, 21)}+`,
      `${BASE}#/label/_____________________x`,
      `${BASE}#/label/`,
      `${BASE}#/label/ ${LABEL.slice(1)}`,
      `${BASE}#/label/${LABEL.slice(0, 10)} ${LABEL.slice(11)}`,
    ];
    for (const text of hostile) expect(readDeepLink(text, BASE), text).toBeNull();
  });

  it('refuses percent-encoded and look-alike characters rather than decoding them', () => {
    const hostile = [
      `${BASE}%23/label/${LABEL}`,
      `${BASE}#%2Flabel%2F${LABEL}`,
      `${BASE}#/label%2F${LABEL}`,
      `${BASE}#/%6Cabel/${LABEL}`,
      `${BASE}#/label/%41${LABEL.slice(1)}`,
      `https://tally.example.org%2F#/label/${LABEL}`,
      `https://TALLY.EXAMPLE.ORG/#/label/${LABEL}`,
      `${BASE}#/label/${LABEL.slice(0, 21)}\u0410`,
      `${BASE}#\uff0flabel\uff0f${LABEL}`,
      `${BASE}#/label/${LABEL}\u200b`,
      `${BASE}#/label/${LABEL}\u0000`,
    ];
    for (const text of hostile) expect(readDeepLink(text, BASE), text).toBeNull();
  });

  it('refuses script and data links', () => {
    const hostile = [
      `javascript:alert(1)//${BASE}#/label/${LABEL}`,
      `javascript:location='${BASE}#/label/${LABEL}'`,
      `data:text/html,${BASE}#/label/${LABEL}`,
      `JAVASCRIPT:${BASE}#/label/${LABEL}`,
    ];
    for (const text of hostile) expect(readDeepLink(text, BASE), text).toBeNull();
  });

  it('refuses overlong text before looking at it', () => {
    const link = labelLink(BASE, LABEL);
    expect(readDeepLink(link + ' '.repeat(MAX_LINK_TEXT - link.length), BASE)).toEqual({ kind: 'label', id: LABEL });
    expect(readDeepLink(link + ' '.repeat(MAX_LINK_TEXT - link.length + 1), BASE)).toBeNull();
    expect(readDeepLink(' '.repeat(10_000_000) + link, BASE)).toBeNull();
  });

  it('refuses everything when its own base is missing or malformed', () => {
    const link = labelLink(BASE, LABEL);
    expect(readDeepLink(link, '')).toBeNull();
    expect(readDeepLink(link, `${BASE}#`)).toBeNull();
    expect(readDeepLink(`${BASE}?a#/label/${LABEL}`, `${BASE}?a`)).toBeNull();
  });

  it('refuses empty and odd input', () => {
    for (const text of ['', ' ', '\n', 'null', '{}', 'https://', '#']) expect(readDeepLink(text, BASE), text).toBeNull();
  });
});
