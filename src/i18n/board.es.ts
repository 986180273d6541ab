/** El español de las pantallas de board. */
import type { Translation } from './catalogue';
import type { boardEn } from './board.en';

export const boardEs: Translation<typeof boardEn> = {
};
