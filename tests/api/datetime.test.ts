import { describe, expect, it } from 'vitest';
import { createTestApp, getJson } from '../helpers/test-app.ts';
import { randomDataset } from '../helpers/random-dataset.ts';

type Page = { features: { id: number; properties: Record<string, string> }[]; numberMatched: number };

describe('datetime filter', async () => {
  const dataset = randomDataset(31, 300);
  const { app } = await createTestApp(dataset);
  const times = dataset.incidents.features.map((feature) => ({ id: Number(feature.id), ms: Date.parse(String(feature.properties?.occurred_at)) }));
  const expectIds = async (datetime: string, keep: (ms: number) => boolean): Promise<void> => {
    const { status, body } = await getJson<Page>(app, `/api/collections/incidents/items?limit=10000&datetime=${encodeURIComponent(datetime)}`);
    expect(status).toBe(200);
    const expected = times.filter((time) => keep(time.ms)).map((time) => time.id);
    expect(body.features.map((feature) => feature.id)).toEqual(expected);
    expect(body.numberMatched).toBe(expected.length);
  };

  it('matches an exact instant', async () => {
    const instant = String(dataset.incidents.features[5].properties?.occurred_at);
    await expectIds(instant, (ms) => ms === Date.parse(instant));
  });

  it('matches a closed interval including its ends', async () => {
    const [a, b] = [Date.parse('2023-06-01T00:00:00Z'), Date.parse('2024-02-10T12:30:00Z')];
    await expectIds('2023-06-01T00:00:00Z/2024-02-10T12:30:00Z', (ms) => ms >= a && ms <= b);
  });

  it('matches open intervals written with .. or nothing', async () => {
    const t = Date.parse('2024-01-01T00:00:00Z');
    await expectIds('../2024-01-01T00:00:00Z', (ms) => ms <= t);
    await expectIds('2024-01-01T00:00:00Z/..', (ms) => ms >= t);
    await expectIds('2024-01-01T00:00:00Z/', (ms) => ms >= t);
  });

  it('treats dates as whole UTC days, with an offset honoured for date-times', async () => {
    await expectIds('2023-03-01/2023-03-31', (ms) => ms >= Date.parse('2023-03-01T00:00:00Z') && ms < Date.parse('2023-04-01T00:00:00Z'));
    await expectIds('2023-03-01T07:00:00+07:00/..', (ms) => ms >= Date.parse('2023-03-01T00:00:00Z'));
  });

  it('filters date-typed collections too', async () => {
    const { body } = await getJson<Page>(app, '/api/collections/key_targets/items?limit=10000&datetime=2024-01-01/..');
    const expected = dataset.key_targets.features.filter((feature) => String(feature.properties?.effective_date) >= '2024-01-01');
    expect(body.numberMatched).toBe(expected.length);
  });
});
