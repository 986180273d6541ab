/** Names for the synthetic neighbourhood: a mix that a real mixed neighbourhood has. */
export const GIVEN_NAMES = [
  'Ana', 'Bilal', 'Carmen', 'Dario', 'Esi', 'Farah', 'Guillermo', 'Hana', 'Ines', 'Jamal', 'Kofi', 'Lucía',
  'Mateo', 'Nadia', 'Omar', 'Paula', 'Quang', 'Rosa', 'Samir', 'Teresa', 'Umar', 'Valeria', 'Wen', 'Ximena',
  'Yusuf', 'Zoe', 'Abebe', 'Beatriz', 'Chidi', 'Dolores', 'Emeka', 'Fatima', 'Gloria', 'Hugo', 'Iker', 'Joana',
  'Kemal', 'Leila', 'Marisol', 'Nicolás', 'Olga', 'Pilar', 'Rafael', 'Sofía', 'Tomás', 'Uriel', 'Vera', 'Walter',
  'Yolanda', 'Amara', 'Bongani', 'Consuelo', 'Diego', 'Elif', 'Fernando', 'Grace', 'Héctor', 'Ifeoma', 'Javier',
];
export const FAMILY_NAMES = [
  'Álvarez', 'Okafor', 'Nguyen', 'Haddad', 'Mensah', 'García', 'Kaya', 'Silva', 'Moreno', 'Abdi', 'Rossi', 'Chen',
  'Ortiz', 'Diallo', 'Ramos', 'Petrov', 'Herrera', 'Yılmaz', 'Castro', 'Mbeki', 'Flores', 'Santos', 'Vega', 'Ibáñez',
];
export const CIRCLE_NAME = 'Calle Esperanza Commons';
