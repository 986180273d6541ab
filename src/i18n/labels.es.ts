/** El español de las hojas de etiquetas para imprimir. */
import type { Translation } from './catalogue';
import type { labelsEn } from './labels.en';

export const labelsEs: Translation<typeof labelsEn> = {
  'labels.title': 'Imprimir etiquetas',
  'labels.titleTool': 'Etiquetas para {name}',
  'labels.leadBlank':
    'Imprime una hoja de etiquetas en blanco para tenerlas a mano. Cuando alguien del barrio añade una herramienta a la biblioteca, le pega una etiqueta y la escanea con su teléfono: desde entonces, quien la escanee encontrará la herramienta.',
  'labels.leadTool': 'Imprime pegatinas con el código de esta herramienta. Quien escanee una con la cámara de su teléfono la verá en Tally.',
  'labels.paper': 'Tamaño del papel',
  'labels.paperA4': 'A4',
  'labels.paperLetter': 'Carta (EE. UU.)',
  'labels.layout': 'Etiquetas por hoja',
  'labels.layoutOption': '{count} etiquetas ({columns} × {rows}, de {width} × {height} mm)',
  'labels.printHint': 'Imprime a tamaño real (100 %) en papel de etiquetas con esta distribución, o en papel normal y recórtalas.',
  'labels.print': 'Imprimir',
  'labels.newSheet': 'Hoja nueva',
  'labels.newSheetDone': 'Hay una hoja nueva de etiquetas. Las que ya imprimiste siguen sirviendo.',
  'labels.preview': 'Vista previa de la hoja',
  'labels.blankCaption': 'Tally · escanéala para añadir una herramienta',
  'labels.blankCode': 'Código de la etiqueta en blanco {id}',
  'labels.toolCaption': 'Tally · escanéala para pedirla prestada',
  'labels.toolCode': 'Código de {name}',
};
