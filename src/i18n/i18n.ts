/**
 * Every string on screen comes from a catalogue. English is the reference;
 * the Spanish catalogue has the same type, so a missing translation does not
 * compile. Dates go through date-fns with the member's locale. A phone loads
 * only the language it shows: the other stays out of the first download.
 */
import { format, formatDistance } from 'date-fns';
import type { Locale as DateLocale } from 'date-fns';
import type { Area, MessageKey, Messages } from './en';
import { loadAreaStrings } from './areas';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

export interface LanguageBase {
  readonly messages: Messages;
  readonly dateLocale: DateLocale;
}

/** A language as loaded on this phone: its core strings and the areas loaded so far. */
export interface Language extends LanguageBase {
  readonly locale: Locale;
  readonly areas: ReadonlySet<Area>;
}

/** The core strings and date formats of a language, and the given areas' strings. */
export async function loadLanguage(locale: Locale, areas: Iterable<Area> = []): Promise<Language> {
  const base = locale === 'es' ? (await import('./language-es')).language : (await import('./language-en')).language;
  let language: Language = { ...base, locale, areas: new Set() };
  for (const area of areas) language = await withArea(language, area);
  return language;
}

export async function withArea(language: Language, area: Area): Promise<Language> {
  if (language.areas.has(area)) return language;
  const strings = await loadAreaStrings(language.locale, area);
  return { ...language, messages: { ...language.messages, ...strings }, areas: new Set([...language.areas, area]) };
}

export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: Locale;
  readonly t: (key: MessageKey, params?: Params) => string;
  /** Picks `key.one` or `key.other` by the language's plural rules and fills {count}. */
  readonly plural: (key: PluralBase, count: number, params?: Params) => string;
  readonly date: (ms: number) => string;
  readonly dateTime: (ms: number) => string;
  readonly relative: (ms: number, now: number) => string;
}

type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

function fill(template: string, params: Params | undefined): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function makeTranslator(locale: Locale, language: Language): Translator {
  const { messages, dateLocale } = language;
  const rules = new Intl.PluralRules(locale);
  // A key built at run time (a skill's) may be missing: show the key rather than nothing.
  const t = (key: MessageKey, params?: Params): string => {
    const template: string | undefined = messages[key];
    return fill(template ?? key, params);
  };
  return {
    locale,
    t,
    plural: (key, count, params) => {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as MessageKey, { ...params, count: count.toLocaleString(locale) });
    },
    date: (ms) => format(ms, 'PPP', { locale: dateLocale }),
    dateTime: (ms) => format(ms, 'PPp', { locale: dateLocale }),
    relative: (ms, now) => formatDistance(ms, now, { addSuffix: true, locale: dateLocale }),
  };
}

/** The language a first visit starts in: the phone's own, when we speak it. */
export function preferredLocale(saved: string | null, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'es') return saved;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}
