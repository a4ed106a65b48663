import { describe, expect, it } from 'vitest';
import { SHIPPED_AREA } from '../helpers/area-config.ts';
import { createTestApp, getJson } from '../helpers/test-app.ts';

const config = SHIPPED_AREA;

/** Every leaf of a JSON value as "path = value". */
function leaves(value: unknown, path = ''): string[] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [`${path} = ${JSON.stringify(value)}`];
}

describe('GET /api/area', () => {
  it('answers anyone, signed in or not, with the names and today’s organisations of data/kontum/area.json', async () => {
    const t = await createTestApp();
    const { status, body } = await getJson(t.as('public'), '/api/area');
    expect(status).toBe(200);
    const organisation = (key: keyof typeof config.organisations) => config.organisations[key];
    expect(body).toEqual({
      name: config.name, nameEn: config.nameEn,
      province: { name: config.province.name, nameEn: config.province.nameEn },
      place: config.place,
      organisations: { department: organisation('department'), police: organisation('police'), committee: organisation('committee') },
      attribution: config.attribution,
    });
    // Today's bodies, each with the name it had before the 2025 merger.
    expect(body).toMatchObject({ organisations: { department: { name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', formerName: 'Sở Thông tin và Truyền thông tỉnh Kon Tum' } } });
    for (const caller of ['admin', 'police', 'viettel'] as const) expect((await getJson(t.as(caller), '/api/area')).body).toEqual(body);
  });

  it('leaks nothing else of the config: no file names, no town codes, no area code, no description', async () => {
    const t = await createTestApp();
    const response = await t.as('public').request('/api/area');
    const text = await response.text();
    const served = leaves(JSON.parse(text)).map((leaf) => leaf.split(' = ')[0]);
    const allowed = leaves(config).map((leaf) => leaf.split(' = ')[0]).filter((path) => /^(name|nameEn|place|province\.(name|nameEn)|organisations\.\w+\.\w+|attribution\.\w+)$/.test(path));
    expect(served.sort()).toEqual(allowed.sort());
    for (const secret of [...Object.values(config.files), config.towns.capital, ...config.towns.seats, config.description]) expect(text).not.toContain(String(secret));
    expect(text).not.toMatch(/"(code|files|towns|description)"/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
