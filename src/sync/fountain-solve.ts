/**
 * The end game of fountain decoding. Peeling alone stalls when every stored
 * frame still has two or more unknown blocks, although together they often
 * determine them all: with a few dozen blocks, peeling needs ~40% more frames
 * than the payload has blocks. Once few blocks are left, solving the stored
 * frames as a linear system over GF(2) (Gaussian elimination) finishes with
 * a frame or two beyond what is strictly needed. Elimination costs
 * blocks² × frames, so it is used only on a small residue.
 */

/** Largest residue solved by elimination: a few milliseconds of work for a few hundred stored frames. */
export const MAX_RESIDUAL_BLOCKS = 256;
/**
 * Near the end of an honest transfer few frames wait; this bound only keeps a
 * stream of forged frames from making each try take seconds.
 */
export const MAX_RESIDUAL_EQUATIONS = 4 * MAX_RESIDUAL_BLOCKS;

export interface ResidualEquation {
  /** The frame's XOR with every known block already taken out. */
  readonly data: Uint8Array;
  /** The blocks it still combines, all among the unknown ones. */
  readonly unknown: ReadonlySet<number>;
}

type Row = Uint32Array;

function xorRow(target: Row, source: Row, from: number): void {
  for (let i = from; i < target.length; i++) target[i]! ^= source[i]!;
}

function hasBit(row: Row, column: number): boolean {
  return (row[column >>> 5]! & (1 << (column & 31))) !== 0;
}

/**
 * The unknown blocks' contents, or null when the equations do not determine
 * them all yet. Each row is the equation's bit set over the unknown blocks
 * followed by its data, so one XOR keeps both in step.
 */
export function solveResidual(
  unknownBlocks: readonly number[],
  equations: Iterable<ResidualEquation>,
  blockSize: number,
): Map<number, Uint8Array> | null {
  const count = unknownBlocks.length;
  const column = new Map<number, number>();
  unknownBlocks.forEach((block, i) => column.set(block, i));
  const bitWords = Math.ceil(count / 32);
  const rowWords = bitWords + Math.ceil(blockSize / 4);
  const rows: Row[] = [];
  for (const equation of equations) {
    const row = new Uint32Array(rowWords);
    let usable = true;
    for (const block of equation.unknown) {
      const c = column.get(block);
      if (c === undefined) usable = false;
      else row[c >>> 5]! |= 1 << (c & 31);
    }
    if (!usable) continue;
    new Uint8Array(row.buffer, bitWords * 4, blockSize).set(equation.data.subarray(0, blockSize));
    rows.push(row);
  }
  if (rows.length < count) return null;

  // Forward elimination: the row placed at `rank` becomes the pivot of column c.
  const pivots: Row[] = [];
  for (let c = 0; c < count; c++) {
    let found = -1;
    for (let r = c; r < rows.length; r++) {
      if (hasBit(rows[r]!, c)) {
        found = r;
        break;
      }
    }
    // A block no remaining frame covers: more frames are needed.
    if (found < 0) return null;
    const pivot = rows[found]!;
    rows[found] = rows[c]!;
    rows[c] = pivot;
    const word = c >>> 5;
    for (let r = c + 1; r < rows.length; r++) if (hasBit(rows[r]!, c)) xorRow(rows[r]!, pivot, word);
    pivots.push(pivot);
  }

  // Back substitution, last column first, leaves each pivot row with its own bit alone.
  for (let c = count - 1; c >= 0; c--) {
    const row = pivots[c]!;
    for (let other = c + 1; other < count; other++) if (hasBit(row, other)) xorRow(row, pivots[other]!, 0);
  }

  const solved = new Map<number, Uint8Array>();
  unknownBlocks.forEach((block, c) => {
    solved.set(block, new Uint8Array(pivots[c]!.buffer, bitWords * 4, blockSize).slice());
  });
  return solved;
}
