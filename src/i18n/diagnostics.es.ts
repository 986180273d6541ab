/** El español de la pantalla de diagnóstico: los registros que este teléfono no contó, y por qué. */
import type { Translation } from './catalogue';
import type { diagnosticsEn } from './diagnostics.en';

export const diagnosticsEs: Translation<typeof diagnosticsEn> = {
  'diagnostics.lead': 'Registros que este teléfono guarda pero deja fuera de lo que muestra, y el motivo. Se conservan; aquí no hay nada que arreglar.',
  'diagnostics.noCircle': 'No hay ningún círculo abierto.',
  'diagnostics.valid': 'Registros válidos',
  'diagnostics.restored': 'Registros repuestos después de que otro teléfono los quitara',
  'diagnostics.rejectedTitle': 'Registros rechazados',
  'diagnostics.ignoredTitle': 'Registros en espera o que no cuentan',
  'diagnostics.none': 'Ninguno.',
  'diagnostics.tooLarge': 'demasiado grande para ser un registro',
  'diagnostics.malformed': 'dañado o no es un registro',
  'diagnostics.unsupportedVersion': 'hecho por una versión más nueva de Tally',
  'diagnostics.unknownKind': 'un tipo de registro que esta versión no conoce',
  'diagnostics.invalidFields': 'su contenido no cumple las reglas de su tipo',
  'diagnostics.wrongCircle': 'pertenece a otro círculo',
  'diagnostics.badSignature': 'su firma no coincide',
  'diagnostics.idMismatch': 'guardado con un identificador que no es el suyo',
  'diagnostics.awaitingHistory': 'aquí aún no se conoce a su autor; contará cuando llegue su admisión',
  'diagnostics.notMemberThen': 'su autor no era miembro cuando lo hizo',
  'diagnostics.duplicateFounding': 'una segunda fundación del círculo',
  'diagnostics.alreadyMember': 'admite a alguien que ya era miembro',
  'diagnostics.exchangesTitle': 'Contrafirmas que no cuentan',
  'diagnostics.exchangeSelf': 'las dos partes son el mismo miembro',
  'diagnostics.exchangeHours': 'horas fuera del rango de un cuarto de hora a doce horas',
  'diagnostics.exchangeSeats': 'más receptores de los que permite el borrador',
  'diagnostics.exchangeRepeated': 'el mismo miembro volvió a contrafirmar el mismo intercambio; cuenta una vez',
};
