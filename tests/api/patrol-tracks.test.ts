import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../helpers/demo-dataset.ts';
import { createTestApp, getJson, sendJson } from '../helpers/test-app.ts';

type Plan = { id: string; shifts: { date: string; stops: { lon: number; lat: number; targetId: string }[] }[]; targets: { id: string; risk: number }[] };
type Measure = { visitedStops: { targetId: string; date: string }[]; missedStops: unknown[]; riskCovered: number };

const gpxOf = (points: { lon: number; lat: number; time?: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="NetGuard test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Tổ 1</name><trkseg>
${points.map((p) => `<trkpt lat="${p.lat}" lon="${p.lon}">${p.time ? `<time>${p.time}</time>` : ''}</trkpt>`).join('\n')}
</trkseg></trk></gpx>`;

describe('patrol tracks', async () => {
  const t = await createTestApp(await demoDataset());
  const { body: plan } = await sendJson<Plan>(t.as('police'), 'POST', '/api/patrol-plans', { name: 'Kế hoạch thử GPX', startDate: '2026-12-01', endDate: '2026-12-02', units: 2, shiftsPerDay: 1, seed: 'gpx' });
  const upload = (caller: 'police' | 'dic', text: string) => t.as(caller).request(`/api/patrol-plans/${plan.id}/tracks`, { method: 'POST', body: text, headers: { 'Content-Type': 'application/gpx+xml' } });

  it('measures which planned stops a GPX track visited and what share of the plan’s risk that covered', async () => {
    const first = plan.shifts[0];
    const response = await upload('police', gpxOf(first.stops.map((stop) => ({ lon: stop.lon + 0.0005, lat: stop.lat }))));
    expect(response.status).toBe(201);
    const measure = (await response.json()) as Measure;
    const firstIds = new Set(first.stops.map((stop) => stop.targetId));
    expect(measure.visitedStops.length).toBeGreaterThanOrEqual(first.stops.length);
    expect(measure.visitedStops.some((stop) => firstIds.has(stop.targetId))).toBe(true);
    const risk = new Map(plan.targets.map((target) => [target.id, target.risk]));
    const all = plan.shifts.flatMap((shift) => shift.stops).reduce((sum, stop) => sum + (risk.get(stop.targetId) ?? 0), 0);
    const visited = measure.visitedStops.reduce((sum, stop) => sum + (risk.get(stop.targetId) ?? 0), 0);
    expect(measure.riskCovered).toBeCloseTo(visited / all, 6);
    const { body } = await getJson<{ tracks: { measure: Measure }[] }>(t.as('dic'), `/api/patrol-plans/${plan.id}/tracks`);
    expect(body.tracks).toHaveLength(1);
  });

  it('with GPS times, a pass on another day does not count', async () => {
    const stop = plan.shifts[0].stops[0];
    const measure = (await (await upload('police', gpxOf([{ lon: stop.lon, lat: stop.lat, time: '2027-01-15T03:00:00Z' }, { lon: stop.lon + 0.001, lat: stop.lat, time: '2027-01-15T03:05:00Z' }]))).json()) as Measure;
    expect(measure.visitedStops).toEqual([]);
    expect(measure.riskCovered).toBe(0);
  });

  it('refuses a file that is not GPX, other roles, and unknown plans', async () => {
    expect((await upload('police', '<kml/>')).status).toBe(422);
    expect((await upload('police', gpxOf([{ lon: 200, lat: 14 }]))).status).toBe(400);
    expect((await upload('dic', gpxOf([{ lon: 108, lat: 14.3 }]))).status).toBe(403);
    expect((await t.as('police').request('/api/patrol-plans/nope/tracks', { method: 'POST', body: gpxOf([{ lon: 108, lat: 14.3 }]) })).status).toBe(404);
  });

  it('a truncated or malformed GPX answers 422 with the parser’s line and column, not 500', async () => {
    const whole = gpxOf([{ lon: 108, lat: 14.3 }, { lon: 108.01, lat: 14.31 }]);
    const truncated = await upload('police', whole.slice(0, Math.floor(whole.length * 0.6)));
    expect(truncated.status).toBe(422);
    const body = (await truncated.json()) as { error: { code: string; details: { line: number; column: number } } };
    expect(body.error.code).toBe('MalformedXml');
    expect(body.error.details.line).toBeGreaterThan(0);
    expect(body.error.details.column).toBeGreaterThan(0);
    expect((await upload('police', '<gpx><trk></gpx>')).status).toBe(422);
  });

  // The red team's XML probes (tests/security/xml-entities.test.ts for KML) against the GPX upload: the track's name
  // is an external entity naming a server file, or nested entities that expand to a billion characters.
  describe('entities in a GPX upload are not expanded', () => {
    const marker = 'NETGUARD-GPX-SECRET-5d1c';
    const directory = mkdtempSync(join(tmpdir(), 'netguard-gpx-xxe-'));
    const secretFile = join(directory, 'secret.txt');
    writeFileSync(secretFile, marker);
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    const named = (doctype: string, name: string) => gpxOf([{ lon: 108, lat: 14.3 }, { lon: 108.01, lat: 14.31 }])
      .replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}`).replace('<name>Tổ 1</name>', `<name>${name}</name>`);
    const probes = [
      ['an external entity naming a server file', named(`<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`, '&xxe;')],
      ['nested entities (billion laughs)', named(`<!DOCTYPE gpx [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>`, '&j;')],
    ] as const;
    for (const [what, text] of probes) {
      it(`a GPX with ${what} is refused with 422 naming the entity, shows nothing of the file, and stores no track`, async () => {
        const before = (await getJson<{ tracks: unknown[] }>(t.as('police'), `/api/patrol-plans/${plan.id}/tracks`)).body.tracks.length;
        const answer = await upload('police', text);
        const body = await answer.text();
        expect(answer.status).toBe(422);
        expect(body).toMatch(/entity/);
        expect(body).not.toContain(marker);
        expect(body.length).toBeLessThan(10_000);
        expect((await getJson<{ tracks: unknown[] }>(t.as('police'), `/api/patrol-plans/${plan.id}/tracks`)).body.tracks.length).toBe(before);
      });
    }
  });
});
