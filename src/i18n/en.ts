/**
 * The catalogue's keys: the English strings of every area. Each area keeps its
 * strings in its own pair of files (area.en.ts, area.es.ts), and a phone loads
 * an area's strings only with the screens that use them.
 */
import type { boardEn } from './board.en';
import type { coreEn } from './core.en';
import type { exchangeEn } from './exchange.en';
import type { ledgerEn } from './ledger.en';
import type { syncEn } from './sync.en';
import type { toolsEn } from './tools.en';
import type { labelsEn } from './labels.en';
import type { lockEn } from './lock.en';
import type { defenseEn } from './defense.en';
import type { diagnosticsEn } from './diagnostics.en';
import type { peopleEn } from './people.en';

export type MessageKey =
  | keyof typeof coreEn
  | keyof typeof exchangeEn
  | keyof typeof boardEn
  | keyof typeof ledgerEn
  | keyof typeof syncEn
  | keyof typeof toolsEn
  | keyof typeof labelsEn
  | keyof typeof lockEn
  | keyof typeof defenseEn
  | keyof typeof diagnosticsEn
  | keyof typeof peopleEn;
export type Messages = { readonly [K in MessageKey]?: string };

/** The areas whose strings load with their screens; the core loads with the app. */
export type Area = 'exchange' | 'board' | 'ledger' | 'sync' | 'tools' | 'labels' | 'lock' | 'defense' | 'diagnostics' | 'people';
