/**
 * What the synthetic neighbourhood's mutual defense says: languages, made-up
 * contacts, alert texts and request notes. The phone numbers are in the range
 * set aside for fiction (555-0100 to 555-0199) and the addresses are streets
 * of the demo's own invented neighbourhood, so nothing here reaches a real person.
 */
export const LANGUAGES = ['Spanish', 'English', 'Arabic', 'French', 'Portuguese', 'Wolof', 'Yoruba', 'Twi', 'Vietnamese', 'Turkish', 'Amharic', 'Quechua', 'Urdu', 'Romanian'];

export const STREETS = ['Calle Esperanza', 'Old Mill Lane', 'Riverside Row', 'Plaza del Mercado', 'Chapel Hill Road', 'Station Terrace', 'Allotment Walk'];

export const CONTACT_NOTES = ['Ring twice: the bell is quiet.', 'Back door after 8 pm.', 'The dog is friendly.', 'Text first if it is late.', 'Third floor, no lift.', 'Llamad al telefonillo 3B.'];

export const DRILL_TEXT = { message: 'Drill: call the people on your list and mark who you reached.', place: '' } as const;

export const ALERT_TEXTS = [
  { kind: 'eviction', message: 'Bailiffs at the door with two police officers. Come now, and bring others.', place: 'Old Mill Lane 14, 2nd floor' },
  { kind: 'court', message: 'The hearing was moved to tomorrow at 9. We need people outside the court.', place: 'Juzgado de Primera Instancia nº 4' },
  { kind: 'police', message: 'ID checks outside the school gate. Come as witnesses, film from a distance.', place: 'Plaza del Mercado, by the school' },
] as const;

/** A paragraph the circle added in the agreement's second version, before its last line. */
export const AGREEMENT_ADDITION =
  '7. We practise. Every few months we hold a drill: someone raises an alert marked as a drill, and we call the people on our lists, so that the phone tree works when it matters.';
