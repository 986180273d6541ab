/** El español de las hojas de etiquetas para imprimir. */
import type { Translation } from './catalogue';
import type { labelsEn } from './labels.en';

export const labelsEs: Translation<typeof labelsEn> = {
  'labels.title': 'Imprimir etiquetas',
};
