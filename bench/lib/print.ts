// The one output format of every bench: `name value unit` on stdout, so
// results can be collected and compared by line. Anything else goes to stderr.

export function report(name: string, value: number, unit: string, decimals = 1): void {
  if (/\s/.test(name) || /\s/.test(unit) || name === '' || unit === '') {
    throw new Error(`bench names and units are single words: "${name}" "${unit}"`);
  }
  if (!Number.isFinite(value)) throw new Error(`${name}: not a finite number: ${value}`);
  process.stdout.write(`${name} ${value.toFixed(decimals)} ${unit}\n`);
}
