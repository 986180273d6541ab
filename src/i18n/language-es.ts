/** Lo que necesita el español antes de la primera pantalla: los textos básicos y los formatos de fecha. */
import { es } from 'date-fns/locale';
import { coreEs } from './core.es';
import type { LanguageBase } from './i18n';

export const language: LanguageBase = { messages: coreEs, dateLocale: es };
