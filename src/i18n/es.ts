/** El catálogo en español: cada área tiene las mismas claves que en inglés, o no compila. */
import { boardEs } from './board.es';
import { coreEs } from './core.es';
import { exchangeEs } from './exchange.es';
import { ledgerEs } from './ledger.es';
import type { Messages } from './en';

export const es: Messages = { ...coreEs, ...exchangeEs, ...boardEs, ...ledgerEs };
