import type { MoonPhase } from '../../domain/lunar';
import { moonLitPath } from './moon';

const SIZE = 48;
const RADIUS = 22;

/** The Moon as it looks tonight; `label` is its accessible name. */
export function MoonIcon({ phase, label }: { readonly phase: MoonPhase; readonly label: string }) {
  const centre = SIZE / 2;
  const lit = moonLitPath(phase.fraction, phase.illumination, centre, centre, RADIUS);
  return (
    <svg class="moon-icon" role="img" aria-label={label} viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE}>
      <circle class="moon-dark" cx={centre} cy={centre} r={RADIUS} />
      {lit !== '' && <path class="moon-lit" d={lit} />}
    </svg>
  );
}
