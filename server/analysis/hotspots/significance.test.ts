import { circle, distance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { binCoordinates, hexGridOver } from '../hex-bin/index.ts';
import { createRng } from '../prng/index.ts';
import { uniformPoints } from './csr-simulation.ts';
import { hotspotGridFromCounts } from './index.ts';

// A disc of 6 km radius: about 45 hexes of 1 km, a third of them cut by the border.
const DISC = circle([107.9, 14.4], 6, { units: 'kilometers', steps: 64 }) as Feature<Polygon>;
const GRID = hexGridOver(DISC, { cellSizeMeters: 1000 });
// Between two shells of the lattice (3,000 and 3,464 m), so no centre sits on the band's edge.
const BAND = 3200;
const CENTRES = GRID.cells.features.map((cell) => cell.properties.center);
/** Neighbourhoods (the cell and every centre within the band) by turf distances, not the grid's own index. */
const HOODS = CENTRES.map((c) => CENTRES.flatMap((d, j) => (distance(c, d, { units: 'meters' }) <= BAND + 1e-3 ? [j] : [])));

function counts(points: number[][]): Int32Array {
  return binCoordinates(GRID, points.map((p) => p[0]), points.map((p) => p[1]));
}

describe('exact Gi* significance', () => {
  const rng = createRng(3);
  // 60 uniform points plus 12 near one interior point, so a few neighbourhoods are unusually full.
  const points = [...uniformPoints(rng, DISC, 60), ...Array.from({ length: 12 }, () => [107.93 + rng.range(-0.004, 0.004), 14.41 + rng.range(-0.004, 0.004)])];
  const observed = counts(points);
  const result = hotspotGridFromCounts(observed, points.length, GRID, { distanceBandMeters: BAND });
  const shares = GRID.cells.features.map((cell) => cell.properties.area_share);
  const shareSum = shares.reduce((a, b) => a + b, 0);

  it('expects each neighbourhood to hold N × its share of the area inside the study area (turf neighbourhoods)', () => {
    HOODS.forEach((hood, i) => {
      const cell = result.cells.features[i].properties;
      expect(cell.observed, `cell ${i}`).toBe(hood.reduce((sum, j) => sum + observed[j], 0));
      expect(cell.expected).toBeCloseTo((points.length * hood.reduce((sum, j) => sum + shares[j], 0)) / shareSum, 9);
    });
  });

  it('gives p-values that match 8,000 simulations of complete spatial randomness in the disc', () => {
    // Simulated tails of the neighbourhood count for the five most extreme cells, from uniform points in the disc.
    const cells = result.cells.features.map((f) => f.properties).filter((p) => p.gi_p !== null).sort((a, b) => a.gi_p! - b.gi_p!).slice(0, 5);
    const simulations = 8000;
    const above = cells.map(() => 0), below = cells.map(() => 0);
    const sim = createRng(99);
    for (let s = 0; s < simulations; s++) {
      const c = counts(uniformPoints(sim, DISC, points.length));
      cells.forEach((cell, k) => {
        const l = HOODS[cell.cell_id].reduce((sum, j) => sum + c[j], 0);
        if (l >= cell.observed) above[k]++;
        if (l <= cell.observed) below[k]++;
      });
    }
    cells.forEach((cell, k) => {
      const simulated = Math.min(1, (2 * Math.min(above[k], below[k])) / simulations);
      const sd = Math.sqrt((Math.max(simulated, 1 / simulations) * (1 - simulated)) / simulations) * 2;
      expect(Math.abs(cell.gi_p! - simulated), `cell ${cell.cell_id}: exact ${cell.gi_p}, simulated ${simulated}`).toBeLessThan(4 * sd + 1e-4);
    });
    expect(cells[0].gi_p!).toBeLessThan(0.01);
  });

  it('never lets a sliver at the border count as a full cell', () => {
    const sliver = result.cells.features.find((f) => f.properties.area_share < 0.2)!;
    expect(sliver).toBeDefined();
    // Its expectation is what its area predicts, below that of an interior cell with the same neighbourhood size.
    expect(sliver.properties.expected).toBeLessThan((points.length * (sliver.properties.neighbours + 1)) / shareSum);
  });
});
