import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PatrolPlan, PlanShift } from '../analysis/patrol-plan/index.ts';
import { csvField, planToCsv, planToGeoJson, planToGpx } from './patrol-plan.ts';

const stop = (order: number, targetId: string, targetName: string, lon: number, lat: number): PlanShift['stops'][number] => ({
  order, targetId, targetName, kind: order === 1 ? 'periodic' : 'surprise', arrival: `2026-12-01T07:${10 + order}:00+07:00`, dwellMinutes: 15, lon, lat,
});
const shift = (n: number, stops: PlanShift['stops']): PlanShift => ({
  unitId: 'unit-1', unitName: 'Tổ tuần tra 1', baseName: 'Công an phường "Kon Tum", khu 1', date: '2026-12-01', shift: n, stops,
  route: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[108.0, 14.35], ...stops.map((s) => [s.lon, s.lat]), [108.0, 14.35]] } },
  minutes: 60, distanceMeters: 12000,
});
const plan: PatrolPlan = {
  seed: 's', parameters: { startDate: '2026-12-01', endDate: '2026-12-01', units: 1, shiftsPerDay: 2, surpriseShare: 0.3, stopsPerShift: 6, dwellMinutes: 15, speedKmh: 40, shiftHours: 8, maxReachKm: 80, residualMinutes: 30, startWindowHours: 3, seed: 's' },
  targets: [],
  sectors: [],
  shifts: [
    shift(1, [stop(1, 'a', 'Trạm BTS Đăk Cấm, cột 2', 108.01, 14.41), stop(2, 'b', 'Cáp "quang" <A&B>', 108.02, 14.3)]),
    shift(2, [stop(1, 'a', 'Trạm BTS Đăk Cấm, cột 2', 108.01, 14.41), stop(2, 'c', 'Dòng 1\nDòng 2', 107.99, 14.33)]),
  ],
  coverage: {
    expectedRiskSharePerDay: 0.5, uniformRiskSharePerDay: 0.4, topKRiskSharePerDay: 0.6, ratio: 1.25, topKRatio: 0.83, surpriseVisits: 2,
    model: { dwellMinutes: 15, residualMinutes: 30, description: 'dwell model' },
  },
  warnings: [], message: null,
};

describe('planToCsv', () => {
  const csv = planToCsv(plan);
  it('starts with a UTF-8 BOM and the header, CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFunit,base,date,shift,order,arrival,target,kind,dwell_minutes,lon,lat\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
  it('quotes commas, doubles quotes, keeps newlines inside quotes, leaves Vietnamese as is', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('Tổ tuần tra 1')).toBe('Tổ tuần tra 1');
    expect(csv).toContain('Tổ tuần tra 1,"Công an phường ""Kon Tum"", khu 1",2026-12-01,1,1,2026-12-01T07:11:00+07:00,"Trạm BTS Đăk Cấm, cột 2",periodic,15,108.01,14.41\r\n');
    expect(csv).toContain('"Dòng 1\nDòng 2"');
  });
  it('an empty plan gives just the header', () => {
    expect(planToCsv({ ...plan, shifts: [] }).split('\r\n')).toHaveLength(2);
  });
});

describe('planToGeoJson', () => {
  it('has one route and its stops per shift', () => {
    const fc = planToGeoJson(plan);
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point', 'LineString', 'Point', 'Point']);
    expect(fc.features[1].properties).toMatchObject({ featureType: 'stop', targetId: 'a', order: 1 });
  });
});

describe('planToGpx', () => {
  const gpx = planToGpx(plan, { name: 'Kế hoạch tuần tra <tháng 12>' });
  it('escapes XML and keeps Vietnamese', () => {
    expect(gpx).toContain('<name>Cáp &quot;quang&quot; &lt;A&amp;B&gt;</name>');
    expect(gpx).toContain('<name>Kế hoạch tuần tra &lt;tháng 12&gt;</name>');
    expect(gpx).toContain('<time>2026-12-01T00:11:00Z</time>');
  });
  it('is read by GDAL: 3 unique waypoints, 2 routes of 2 points, 2 tracks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpx-'));
    try {
      const file = join(dir, 'plan.gpx');
      writeFileSync(file, gpx, 'utf8');
      const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
      const count = (layer: string): number => Number(new RegExp(`Layer name: ${layer}\\n[\\s\\S]*?Feature Count: (\\d+)`).exec(info)?.[1]);
      expect(count('waypoints')).toBe(3);
      expect(count('routes')).toBe(2);
      expect(count('tracks')).toBe(2);
      expect(count('route_points')).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
