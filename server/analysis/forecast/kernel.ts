import type { HexGridOver } from '../hex-bin/index.ts';
import { gridNeighbourhoods } from '../hotspots/neighbours.ts';

/**
 * How far the kernel reaches, in bandwidths: 3.5 h leaves out less than 0.3 % of the weight and falls between two
 * distances of the hex lattice for the calibrated bandwidths, so no ring of cells sits on the cut.
 */
export const KERNEL_REACH = 3.5;
/** Each cell's neighbours (itself included) within {@link KERNEL_REACH} bandwidths and their Gaussian weights, exp(−d²/2h²). */
export type Kernel = { offsets: Int32Array; indices: Int32Array; weights: Float64Array };

const memo = new WeakMap<HexGridOver, Map<number, Kernel>>();

/** The Gaussian kernel of bandwidth `bandwidthMeters` over the grid's cell centres, built once per grid and bandwidth. */
export function gridKernel(grid: HexGridOver, bandwidthMeters: number): Kernel {
  let byBandwidth = memo.get(grid);
  if (!byBandwidth) memo.set(grid, (byBandwidth = new Map()));
  const cached = byBandwidth.get(bandwidthMeters);
  if (cached) return cached;
  const hood = gridNeighbourhoods(grid);
  const { offsets: around, indices: near } = hood.within(bandwidthMeters * KERNEL_REACH);
  const n = around.length - 1;
  const offsets = new Int32Array(n + 1), indices = new Int32Array(near.length + n), weights = new Float64Array(near.length + n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    indices[k] = i; weights[k++] = 1;
    for (let m = around[i]; m < around[i + 1]; m++) {
      const j = near[m];
      const d2 = (hood.xy[2 * j] - hood.xy[2 * i]) ** 2 + (hood.xy[2 * j + 1] - hood.xy[2 * i + 1]) ** 2;
      indices[k] = j; weights[k++] = Math.exp(-d2 / (2 * bandwidthMeters * bandwidthMeters));
    }
    offsets[i + 1] = k;
  }
  const kernel = { offsets, indices, weights };
  byBandwidth.set(bandwidthMeters, kernel);
  return kernel;
}

/**
 * Kernel density at each cell centre from masses per cell, times the cell's area inside the study area: the expected
 * share of incidents each cell holds, up to a constant (normalised to sum 1; all zero when there is no mass).
 */
export function smooth(masses: ArrayLike<number>, kernel: Kernel, areaShares: ArrayLike<number>): Float64Array {
  const n = masses.length;
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let density = 0;
    for (let m = kernel.offsets[i]; m < kernel.offsets[i + 1]; m++) density += kernel.weights[m] * masses[kernel.indices[m]];
    out[i] = density * areaShares[i];
    total += out[i];
  }
  if (total > 0) for (let i = 0; i < n; i++) out[i] /= total;
  return out;
}
