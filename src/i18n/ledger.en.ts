/** The English strings of the ledger screens. */
export const ledgerEn = {
} as const;
