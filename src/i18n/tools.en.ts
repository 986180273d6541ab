/** The English strings of the tool library's screens. */
export const toolsEn = {
  'tools.title': 'Tool library',
};
