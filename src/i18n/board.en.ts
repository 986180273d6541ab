/** The English strings of the board screens. */
export const boardEn = {
} as const;
