/** What members of the synthetic neighbourhood write in notes and on the board, in both languages. */
export const NOTES_BY_SKILL: Readonly<Record<string, readonly string[]>> = {
  repair: ['Fixed the bike brakes', 'Arreglé la lavadora', 'New washer on the tap', 'Puerta del armario', 'Patched the roof leak'],
  gardening: ['Planted the tomatoes', 'Poda del limonero', 'Weeded the shared bed', 'Compost turned'],
  childcare: ['Watched the twins', 'Recogí a los niños', 'School run', 'Tarde con Lucas'],
  tutoring: ['Maths homework', 'Clase de guitarra', 'Reading practice', 'Repaso de inglés'],
  cooking: ['Soup for the week', 'Tamales para la fiesta', 'Meal after surgery', 'Pan casero'],
  transport: ['Ride to the clinic', 'Mudanza de sofá', 'Airport at 5 am', 'Groceries run'],
  care: ['Visit and a walk', 'Acompañé a Doña Rosa', 'Night shift with Grandpa', 'Medicinas a casa'],
  'tech-help': ['Phone set up', 'Arreglé el wifi', 'Printer finally works', 'Backup of photos'],
  crafts: ['Hemmed trousers', 'Cojines nuevos', 'Mended the jacket', 'Banner for the assembly'],
  paperwork: ['Rent appeal letter', 'Solicitud de ayuda', 'Tax forms', 'Carta al casero'],
  language: ['Translated at the school', 'Intérprete en la cita', 'Spanish conversation', 'Letter translated'],
  health: ['Blood pressure checks', 'Masaje de espalda', 'First aid session', 'Yoga in the park'],
};

export const LISTING_TEXTS: Readonly<Record<string, { readonly offer: readonly string[]; readonly need: readonly string[] }>> = {
  repair: { offer: ['I can fix bikes and small appliances, most evenings.', 'Arreglo enchufes y grifos los sábados.'], need: ['My fridge door will not close.', 'Se rompió la persiana del salón.'] },
  gardening: { offer: ['Seedlings to share and help planting.', 'Ayudo con el huerto comunitario.'], need: ['Someone to water my plants in August.', 'Necesito podar el seto.'] },
  childcare: { offer: ['Can watch kids after school on Tuesdays.', 'Cuido niños los fines de semana.'], need: ['Pick-up from school on Thursdays.', 'Alguien que cuide a mi hija el viernes.'] },
  tutoring: { offer: ['Maths and physics for secondary school.', 'Clases de guitarra para principiantes.'], need: ['Help with reading for my son.', 'Apoyo con inglés para el examen.'] },
  cooking: { offer: ['I cook for big groups: ask for parties.', 'Hago comida para quien esté enfermo.'], need: ['Meals for a week after my operation.', 'Ayuda con la cena de la asamblea.'] },
  transport: { offer: ['Van available for moves on Sundays.', 'Llevo a citas médicas en coche.'], need: ['Ride to the hospital on Monday morning.', 'Necesito mover un armario.'] },
  care: { offer: ['Company and walks for older neighbours.', 'Acompaño a personas mayores.'], need: ['Someone to sit with my father on Wednesdays.', 'Compañía para mi abuela.'] },
  'tech-help': { offer: ['Phones, laptops and wifi problems.', 'Ayudo con el móvil y los trámites en línea.'], need: ['My laptop will not start.', 'Configurar el móvil nuevo.'] },
  crafts: { offer: ['Sewing repairs and hems.', 'Hago pancartas y carteles.'], need: ['Curtains shortened.', 'Arreglar la cremallera del abrigo.'] },
  paperwork: { offer: ['Help with forms, appeals and letters.', 'Ayudo con papeles del ayuntamiento.'], need: ['Appeal against the rent increase.', 'Rellenar la solicitud de vivienda.'] },
  language: { offer: ['Interpreting Spanish–English at appointments.', 'Traduzco cartas y documentos.'], need: ['Interpreter at the school meeting.', 'Traducir una carta del banco.'] },
  health: { offer: ['First aid and blood pressure checks.', 'Masajes para la espalda.'], need: ['Someone to check on my wound dressing.', 'Ayuda con los ejercicios de rehabilitación.'] },
};

export const ADDED_SKILLS = [
  { name: 'Bike repair', essential: false },
  { name: 'Costura', essential: false },
  { name: 'Moving help', essential: false },
  { name: 'Food bank runs', essential: true },
] as const;

export const CYCLE_THEMES = ['Repair moon', 'Luna del huerto', 'Winter warmth', 'Luna de la vivienda', 'Kids’ moon', 'Paperwork clinic'];
