/**
 * Backtest of the incident forecast on the demo data (`npm run backtest`): rolling monthly cut-offs over the record,
 * each method forecasting the next 4 weeks from the incidents before the cut-off, judged by hit rate, PAI and PEI at
 * 1, 3 and 5 % of the province's area, with bootstrap 95 % intervals over cut-offs.
 * Usage: npm run backtest [-- --types cable_theft,cable_cut] [-- --bootstrap 1000]
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { backtest, eventsOf, monthlyCutoffs } from '../server/analysis/forecast/index.ts';
import { lineKmPerCell, pointsPerCell } from '../server/analysis/exposure/index.ts';
import { hexGridOver } from '../server/analysis/hex-bin/index.ts';
import { selectIncidents, type IncidentProperties } from '../server/analysis/selection/index.ts';
import { generateDemo } from './generator/index.ts';
import { formatBacktest, formatComparison } from '../server/analysis-api/forecast-table.ts';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const types = arg('types')?.split(',') ?? [];
const bootstrap = Number(arg('bootstrap') ?? 1000);

const started = performance.now();
const dataset = generateDemo();
const province = dataset.admin_areas.features.find((f) => f.properties.level === 'province') as Feature<Polygon | MultiPolygon>;
const grid = hexGridOver(province, { cellSizeMeters: 1000 });
const incidents = selectIncidents(dataset.incidents as unknown as FeatureCollection<Point, IncidentProperties>, { start: '2000-01-01', end: '2100-01-01', types });
const events = eventsOf(incidents, grid);
const first = Math.min(...events.time), last = Math.max(...events.time);
// Cut-offs from 17 months into the record (so the first calibration has a year of history) to the last whole 4 weeks.
const firstCutoff = Date.UTC(new Date(first).getUTCFullYear(), new Date(first).getUTCMonth() + 17, 1);
const cutoffs = monthlyCutoffs(firstCutoff, last + 86_400_000, 28);
const exposure = {
  sites: pointsPerCell(grid, { type: 'FeatureCollection', features: dataset.bts_sites.features.filter((f) => f.properties.status === 'active') } as FeatureCollection<Point>),
  cableKm: lineKmPerCell(grid, { type: 'FeatureCollection', features: dataset.cable_routes.features.filter((f) => f.properties.status !== 'planned') } as FeatureCollection<LineString | MultiLineString>),
};
const result = backtest(events, grid, cutoffs, 28, exposure, { bootstrap });
console.log(`demo data: ${incidents.features.length} incidents${types.length ? ` of ${types.join(', ')}` : ''} (false alarms and duplicates left out), ${grid.cells.features.length} hexes of 1 km over the province`);
console.log(`${cutoffs.length} monthly cut-offs ${result.cutoffs[0]} … ${result.cutoffs.at(-1)}, each forecasting the next 28 days; ${bootstrap} bootstrap resamples of the cut-offs; ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
console.log(formatBacktest(result));
console.log(`\nThe default against the last 12 months' counts (PAI):\n${formatComparison(result)}`);
const chosen = new Map<string, number>();
for (const p of result.parameters) {
  const key = `${p.bandwidthMeters} m, half-life ${p.halfLifeDays ?? '∞'} d, sites ${p.siteWeight}, cable ${p.cableWeight}`;
  chosen.set(key, (chosen.get(key) ?? 0) + 1);
}
console.log(`\nparameters the calibration chose: ${[...chosen].map(([k, v]) => `${k} (${v}×)`).join('; ')}`);
