// Writes the demo circle's history file (signed, deterministic) to standard output.
// The build runs this as a separate process so the Vite config stays free of app code.
import { DEMO_OPTIONS, syntheticCircle } from '../src/demo/synthetic';
import { encodeDemoFile } from '../src/demo/demo-file';

const circle = syntheticCircle(DEMO_OPTIONS);
process.stdout.write(encodeDemoFile(circle.records.map((record) => record.bytes)));
