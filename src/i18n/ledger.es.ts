/** El español de las pantallas de ledger. */
import type { Translation } from './catalogue';
import type { ledgerEn } from './ledger.en';

export const ledgerEs: Translation<typeof ledgerEn> = {
};
