import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITING_DATASET } from '../fixtures/access-dataset.ts';
import { createTestApp } from '../helpers/test-app.ts';

// The red team's XML probes against KML uploads: an external entity naming a file on the server (XXE) and nested
// internal entities that expand to a billion characters ("billion laughs"). Neither may be expanded.
const MARKER = 'NETGUARD-SECRET-7f3a';
const directory = mkdtempSync(join(tmpdir(), 'netguard-xxe-'));
const secretFile = join(directory, 'secret.txt');
writeFileSync(secretFile, MARKER);
const placemark = (name: string) => `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>${name}</name><ExtendedData>
  <Data name="site_code"><value>${name}</value></Data><Data name="owner"><value>viettel</value></Data>
  <Data name="technologies"><value>4G</value></Data><Data name="status"><value>planned</value></Data>
</ExtendedData><Point><coordinates>108.01,14.36</coordinates></Point></Placemark></kml>`;
const external = `<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://${secretFile}">]>\n${placemark('&xxe;')}`;
const laughs = `<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>\n${placemark('&j;')}`;

describe('XML uploads do not expand entities', async () => {
  const t = await createTestApp(EDITING_DATASET);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const upload = (body: string) => t.as('viettel').request('/api/imports/bts_sites?format=kml', { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });

  for (const [name, body] of [['an external entity naming a server file', external], ['nested entities (billion laughs)', laughs]] as const) {
    it(`a KML with ${name} is refused with 422 naming the entity, shows nothing of the file, and stores nothing`, async () => {
      const before = (await t.features.counts()).bts_sites;
      const answer = await upload(body);
      const text = await answer.text();
      expect(answer.status).toBe(422);
      expect(text).toMatch(/entity/);
      expect(text).not.toContain(MARKER);
      expect(text.length).toBeLessThan(10_000);
      expect((await t.features.counts()).bts_sites).toBe(before);
    });
  }

  it('the same placemark without entities imports', async () => {
    expect((await upload(`<?xml version="1.0"?>\n${placemark('VTL-XML-1')}`)).status).toBe(201);
  });
});
