import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { cellAt, type HexGridOver } from '../hex-bin/index.ts';
import { calibrate, type Calibration } from './calibrate.ts';
import { DAY_MS, expectedTotal, kernelForecast, mixedForecast, type Events, type Exposure } from './methods.ts';

export { backtest, monthlyCutoffs, METHODS, KDE_BASELINE, type Backtest, type BacktestRow, type Method } from './backtest.ts';
export { AREA_LEVELS, BANDWIDTHS, HALF_LIVES, CALIBRATION_PERIODS } from './calibrate.ts';
export { hitsAt, rankCells, scores } from './evaluate.ts';
export type { Events, Exposure, ForecastParameters } from './methods.ts';
export { EXPOSURE_WEIGHTS } from './calibrate.ts';

/** Properties of a forecast cell. */
export type ForecastCellProps = {
  cell_id: number;
  /** Expected incidents in the forecast period. */
  expected: number;
  /** 1 = the highest expected. */
  rank: number;
  /** The cell's share of the study area, and the share of the area of it and every cell ranked above it. */
  area_share: number;
  cumulative_area_share: number;
  /** The share of the expected incidents of it and every cell ranked above it. */
  cumulative_expected_share: number;
  /** 1, 3 or 5 when the cell is in the top 1 %, 3 % or 5 % of the area, else null. */
  top_percent: 1 | 3 | 5 | null;
};
export type Forecast = {
  cells: FeatureCollection<Polygon, ForecastCellProps>;
  origin: string;
  until: string;
  expectedTotal: number;
  totalBasis: string;
  calibration: Calibration;
};

/** Events (cell and time) of incidents with an ISO `occurred_at`, on a grid. */
export function eventsOf(incidents: FeatureCollection<Point>, grid: HexGridOver): Events {
  const timed = incidents.features.filter((f) => typeof f.properties?.occurred_at === 'string');
  return {
    cell: Int32Array.from(timed, (f) => cellAt(grid, f.geometry.coordinates[0], f.geometry.coordinates[1])),
    time: Float64Array.from(timed, (f) => Date.parse(String(f.properties!.occurred_at))),
  };
}

/**
 * Expected incidents per cell over the `days` from the origin: a recency-weighted kernel density of the incidents
 * before it mixed with the cells' shares of sites and cable (`methods.ts`), bandwidth, half-life and weights
 * calibrated on the previous periods (`calibrate.ts`), scaled to the expected total (the same days of previous
 * years). Each cell gets its rank and its share of the area.
 * @param originMs first instant forecast (epoch ms); only incidents before it are used
 * @param firstMs start of the history (for the expected total)
 */
export function incidentForecast(events: Events, grid: HexGridOver, originMs: number, days: number, firstMs: number, exposure: Exposure): Forecast {
  if (!(days > 0)) throw new Error('days must be positive');
  const areaShares = Float64Array.from(grid.cells.features, (f) => f.properties.area_share);
  const calibration = calibrate(events, grid, originMs, days, areaShares, exposure);
  const shares = mixedForecast(kernelForecast(events, grid, originMs, calibration.parameters, areaShares), exposure, calibration.parameters);
  const { total, basis } = expectedTotal(events, originMs, days, firstMs);
  const order = Array.from({ length: shares.length }, (_, i) => i).sort((a, b) => shares[b] - shares[a] || a - b);
  const areaTotal = areaShares.reduce((a, b) => a + b, 0);
  const props: ForecastCellProps[] = new Array(shares.length);
  let area = 0, expected = 0;
  order.forEach((i, k) => {
    area += areaShares[i] / areaTotal;
    expected += shares[i];
    const top = area <= 0.01 + 1e-12 ? 1 : area <= 0.03 + 1e-12 ? 3 : area <= 0.05 + 1e-12 ? 5 : null;
    props[i] = { cell_id: i, expected: shares[i] * total, rank: k + 1, area_share: areaShares[i] / areaTotal, cumulative_area_share: area, cumulative_expected_share: expected, top_percent: top };
  });
  const features = grid.cells.features.map((cell, i): Feature<Polygon, ForecastCellProps> => ({ type: 'Feature', geometry: cell.geometry, properties: props[i] }));
  return {
    cells: { type: 'FeatureCollection', features },
    origin: new Date(originMs).toISOString().slice(0, 10),
    until: new Date(originMs + (days - 1) * DAY_MS).toISOString().slice(0, 10),
    expectedTotal: total, totalBasis: basis, calibration,
  };
}
