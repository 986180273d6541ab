/**
 * The English catalogue: the reference every other language is checked
 * against. Each area keeps its strings in its own pair of files.
 */
import { boardEn } from './board.en';
import { coreEn } from './core.en';
import { exchangeEn } from './exchange.en';
import { ledgerEn } from './ledger.en';

export const en = { ...coreEn, ...exchangeEn, ...boardEn, ...ledgerEn } as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
