/**
 * The lit part of the Moon as an SVG path, drawn as seen from the northern
 * hemisphere: lit on the right while waxing, on the left while waning.
 */

/** Below this the sliver is thinner than a pixel at icon size; above 1 minus it the disc looks whole. */
const INVISIBLE = 0.005;

/**
 * A path for the lit part of a disc of radius r centred on (cx, cy): half the
 * limb, then the terminator back, an ellipse whose width follows the lit
 * fraction. Empty at new moon.
 */
export function moonLitPath(fraction: number, illumination: number, cx: number, cy: number, r: number): string {
  const lit = Math.min(1, Math.max(0, illumination));
  if (!(lit >= INVISIBLE)) return '';
  const top = `${n(cx)} ${n(cy - r)}`;
  const bottom = `${n(cx)} ${n(cy + r)}`;
  if (lit > 1 - INVISIBLE) return `M${top}A${n(r)} ${n(r)} 0 1 1 ${bottom}A${n(r)} ${n(r)} 0 1 1 ${top}Z`;
  const waxing = fraction < 0.5;
  // The limb runs from the top clockwise (right side) while waxing, anticlockwise while waning.
  const limbSweep = waxing ? 1 : 0;
  // A crescent's terminator bulges towards the lit limb, a gibbous moon's away from it.
  const crescent = lit < 0.5;
  const terminatorSweep = waxing === crescent ? 0 : 1;
  const rx = r * Math.abs(1 - 2 * lit);
  return `M${top}A${n(r)} ${n(r)} 0 0 ${limbSweep} ${bottom}A${n(rx)} ${n(r)} 0 0 ${terminatorSweep} ${top}Z`;
}

// Two decimals are finer than any screen draws an icon, and keep the markup short.
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
