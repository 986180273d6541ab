/** What English needs before the first screen: the core strings and the date formats. */
import { enUS } from 'date-fns/locale';
import { coreEn } from './core.en';
import type { LanguageBase } from './i18n';

export const language: LanguageBase = { messages: coreEn, dateLocale: enUS };
