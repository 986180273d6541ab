/** The English strings of the printable label sheets. */
export const labelsEn = {
  'labels.title': 'Print labels',
  'labels.titleTool': 'Labels for {name}',
  'labels.leadBlank':
    'Print a sheet of blank labels to keep at hand. When a neighbour adds a tool to the library, they stick a label on it and scan it with their phone: from then on, anyone who scans it finds the tool.',
  'labels.leadTool': 'Print stickers with this tool’s code. Anyone who scans one with their phone’s camera opens the tool in Tally.',
  'labels.paper': 'Paper size',
  'labels.paperA4': 'A4',
  'labels.paperLetter': 'US Letter',
  'labels.layout': 'Labels per sheet',
  'labels.layoutOption': '{count} labels ({columns} × {rows}, each {width} × {height} mm)',
  'labels.printHint': 'Print at actual size (100%) on label paper with this layout, or on plain paper and cut the labels out.',
  'labels.print': 'Print',
  'labels.newSheet': 'New sheet',
  'labels.newSheetDone': 'A new sheet of labels is ready. Labels you have already printed still work.',
  'labels.preview': 'Preview of the sheet',
  'labels.blankCaption': 'Tally · scan to add a tool',
  'labels.blankCode': 'Code of blank label {id}',
  'labels.toolCaption': 'Tally · scan to borrow',
  'labels.toolCode': 'Code of {name}',
};
