/** The English strings of the exchange screens. */
export const exchangeEn = {
} as const;
