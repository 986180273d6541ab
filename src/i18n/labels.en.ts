/** The English strings of the printable label sheets. */
export const labelsEn = {
  'labels.title': 'Print labels',
};
