/** El español de las pantallas de exchange. */
import type { Translation } from './catalogue';
import type { exchangeEn } from './exchange.en';

export const exchangeEs: Translation<typeof exchangeEn> = {
};
