/** El español de las pantallas de la biblioteca de herramientas. */
import type { Translation } from './catalogue';
import type { toolsEn } from './tools.en';

export const toolsEs: Translation<typeof toolsEn> = {
  'tools.title': 'Biblioteca de herramientas',
};
