import * as turf from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createRng } from '../../server/analysis/prng/index.ts';
import { createTestApp, getJson, type TestApp } from '../helpers/test-app.ts';

type ForecastCell = Feature<Polygon, { cell_id: number; expected: number; rank: number; area_share: number; cumulative_area_share: number; top_percent: 1 | 3 | 5 | null }>;
type ForecastAnswer = {
  selection: { end: string; incidentCount: number };
  message: string | null;
  forecast: { weeks: number; from: string; until: string; expectedTotal: number; method: { name: string; description: string } };
  cells: { features: ForecastCell[] };
};
type Row = { method: string; level: number; hitRate: number; pai: number; pei: number; ci: { hitRate: [number, number]; pai: [number, number]; pei: [number, number] } };
type BacktestAnswer = {
  message: string | null;
  backtest: { cutoffs: string[]; days: number; rows: Row[]; comparison: { level: number; forecastPai: number; baselinePai: number; ci: [number, number]; verdict: string }[] };
};

const DAY_MS = 86_400_000;
const dataset = await demoDataset();
let t: TestApp;
let forecast: ForecastAnswer;
let located: { cell: number; ms: number }[] | undefined;

beforeAll(async () => {
  t = await createTestApp(dataset);
  forecast = (await getJson<ForecastAnswer>(t.app, '/api/analysis/forecast?weeks=4&end=2026-09-30')).body;
}, 120_000);

/** The demo's analysable incidents (false alarms and duplicates left out), each in the forecast cell holding it by turf. */
function incidentsByCell(cells: ForecastCell[]): { cell: number; ms: number }[] {
  if (located) return located;
  const boxes = cells.map((cell) => turf.bbox(cell));
  const out: { cell: number; ms: number }[] = [];
  for (const incident of dataset.incidents.features as Feature<Point, { status: string; occurred_at: string }>[]) {
    if (['false_alarm', 'duplicate'].includes(incident.properties.status)) continue;
    const [x, y] = incident.geometry.coordinates;
    const cell = cells.findIndex((candidate, i) => x >= boxes[i][0] && x <= boxes[i][2] && y >= boxes[i][1] && y <= boxes[i][3] && turf.booleanPointInPolygon(incident, candidate));
    if (cell >= 0) out.push({ cell: cells[cell].properties.cell_id, ms: Date.parse(incident.properties.occurred_at) });
  }
  return (located = out);
}

describe('GET /api/analysis/forecast on the demo data', () => {
  it('ranks every cell of the province once, spreads the expected total over them and flags the top 1/3/5 % of the area', () => {
    const cells = forecast.cells.features;
    expect(forecast.forecast.weeks).toBe(4);
    expect(forecast.forecast.from).toBe('2026-10-01');
    expect(cells.map((cell) => cell.properties.rank).sort((a, b) => a - b)).toEqual(cells.map((_, i) => i + 1));
    const byRank = [...cells].sort((a, b) => a.properties.rank - b.properties.rank);
    for (let k = 1; k < byRank.length; k++) expect(byRank[k].properties.expected).toBeLessThanOrEqual(byRank[k - 1].properties.expected);
    expect(cells.reduce((sum, cell) => sum + cell.properties.expected, 0)).toBeCloseTo(forecast.forecast.expectedTotal, 6);
    // Area shares recomputed with turf: each cell's area inside the province over the province's area.
    const province = dataset.admin_areas.features.find((area) => area.properties?.level === 'province')!;
    const provinceArea = turf.area(province);
    for (const cell of byRank.slice(0, 40)) {
      const inside = turf.intersect(turf.featureCollection([cell, province as Feature<Polygon>]));
      expect(cell.properties.area_share).toBeCloseTo((inside ? turf.area(inside) : 0) / provinceArea, 3);
    }
    for (const level of [1, 3, 5] as const) {
      const flagged = cells.filter((cell) => cell.properties.top_percent !== null && cell.properties.top_percent <= level);
      const share = flagged.reduce((sum, cell) => sum + cell.properties.area_share, 0);
      expect(share).toBeLessThanOrEqual(level / 100 + 1e-9);
      expect(share).toBeGreaterThan(level / 100 - 0.002);
    }
  });

  it('holds in its top 3 % of the area over a fifth of the incidents of the four weeks after the selection, which it never saw', () => {
    const events = incidentsByCell(forecast.cells.features);
    const from = Date.parse('2026-10-01T00:00:00Z'), until = from + 28 * DAY_MS;
    const next = events.filter((event) => event.ms >= from && event.ms < until);
    const top = new Set(forecast.cells.features.filter((cell) => cell.properties.top_percent !== null && cell.properties.top_percent <= 3).map((cell) => cell.properties.cell_id));
    expect(next.length).toBeGreaterThan(40);
    expect(next.filter((event) => top.has(event.cell)).length / next.length).toBeGreaterThan(0.2);
  });

  it('answers bad weeks with a 400 naming the parameter', async () => {
    for (const weeks of ['0', '13', '2.5', 'x']) {
      const { status, body } = await getJson<{ error: { details: { parameter: string } } }>(t.app, `/api/analysis/forecast?weeks=${weeks}`);
      expect(status, weeks).toBe(400);
      expect(body.error.details.parameter).toBe('weeks');
    }
  });
});

describe('GET /api/analysis/forecast/backtest on the demo data', () => {
  let answer: BacktestAnswer;
  beforeAll(async () => {
    answer = (await getJson<BacktestAnswer>(t.app, '/api/analysis/forecast/backtest?weeks=4&end=2026-10-31')).body;
  }, 300_000);

  it('rolls at least 18 monthly cut-offs and scores the forecast and four baselines at 1, 3 and 5 % of the area', () => {
    expect(answer.message).toBeNull();
    expect(answer.backtest.cutoffs.length).toBeGreaterThanOrEqual(18);
    expect(new Set(answer.backtest.rows.map((row) => `${row.method}@${row.level}`)).size).toBe(15);
    for (const row of answer.backtest.rows) {
      expect(row.pai).toBeCloseTo(row.hitRate / row.level, 0);
      expect(row.pei).toBeLessThanOrEqual(1 + 1e-9);
      for (const [key, [low, high]] of Object.entries(row.ci)) {
        expect(low, `${row.method} ${row.level} ${key}`).toBeLessThanOrEqual(row[key as 'pai'] + 1e-9);
        expect(high).toBeGreaterThanOrEqual(row[key as 'pai'] - 1e-9);
      }
    }
    // Random ranks hit in proportion to the area: its PAI interval holds 1 at every level.
    for (const row of answer.backtest.rows.filter((r) => r.method === 'random')) expect(row.ci.pai[0] <= 1 && row.ci.pai[1] >= 0.8).toBe(true);
  });

  it('scores the last-12-months baseline as an independent recount of the demo incidents does', () => {
    // Recount from the raw demo: incidents per cell by turf, the 365 days before each cut-off, cells ranked by count
    // (ties in random order, averaged over draws), taken while their area stays within the level, judged on 28 days.
    const events = incidentsByCell(forecast.cells.features);
    const cells = forecast.cells.features.map((cell) => cell.properties).sort((a, b) => a.cell_id - b.cell_id);
    const areas = cells.map((cell) => cell.area_share);
    const rng = createRng(5);
    const levels = [0.01, 0.03, 0.05];
    const hits = [0, 0, 0];
    let total = 0;
    const DRAWS = 40;
    for (const cutoff of answer.backtest.cutoffs) {
      const origin = Date.parse(`${cutoff}T00:00:00Z`);
      const past = new Array(cells.length).fill(0), next = new Array(cells.length).fill(0);
      for (const event of events) {
        if (event.ms < origin && event.ms >= origin - 365 * DAY_MS) past[event.cell]++;
        if (event.ms >= origin && event.ms < origin + answer.backtest.days * DAY_MS) next[event.cell]++;
      }
      total += next.reduce((a, b) => a + b, 0);
      for (let draw = 0; draw < DRAWS; draw++) {
        const jitter = cells.map(() => rng.next());
        const order = cells.map((_, i) => i).sort((a, b) => past[b] - past[a] || jitter[a] - jitter[b]);
        levels.forEach((level, l) => {
          let area = 0;
          for (const i of order) {
            if (area > 0 && area + areas[i] > level + 1e-12) break;
            area += areas[i];
            hits[l] += next[i] / DRAWS;
          }
        });
      }
    }
    levels.forEach((level, l) => {
      const row = answer.backtest.rows.find((r) => r.method === 'last_12_months' && r.level === level)!;
      expect(Math.abs(row.hitRate - hits[l] / total), `${level * 100} %: ${row.hitRate} vs ${hits[l] / total}`).toBeLessThan(0.02);
    });
  }, 120_000);

  it('says for each area whether the default forecast beats the last 12 months’ counts, by a paired interval', () => {
    for (const comparison of answer.backtest.comparison) {
      const expected = comparison.ci[0] > 0 ? 'better' : comparison.ci[1] < 0 ? 'worse' : 'level';
      expect(comparison.verdict).toBe(expected);
      expect(comparison.forecastPai).toBeCloseTo(answer.backtest.rows.find((r) => r.method === 'forecast' && r.level === comparison.level)!.pai, 9);
    }
    // What the README states from `npm run backtest`: better at 3 % and 5 % of the area.
    expect(answer.backtest.comparison.filter((c) => c.level >= 0.03).map((c) => c.verdict)).toEqual(['better', 'better']);
  });
});
