import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { issueToken, startServer, type RunningServer } from '../helpers/server-process.ts';
import { mapPage, signInAs } from '../helpers/map-page.ts';
import { LAYER_IDS } from '../../web/src/map/layer-ids.ts';

const OUTPUT_DIR = 'test-output';
let server: RunningServer;
let browser: Browser;
/** Reads the API as the demo admin, who sees every property of every feature. */
let api: <T>(path: string) => Promise<T>;

type Agent = { id: number; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> };
type Agents = { features: Agent[]; numberMatched: number };

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { token } = await issueToken(server.url, 'admin');
  api = async <T,>(path: string) => (await (await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as T;
  mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function personPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, errors };
}

const agentsNamed = (name: string) => api<Agents>(`/api/collections/service_agents/items?name=${encodeURIComponent(name)}`);

describe('a carrier maintains its service agents in the web app (issue 18)', { timeout: 180_000 }, () => {
  const NAME = 'Đại lý SIM Hoà Bình E2E';
  const PLACE: [number, number] = [108.0123, 14.3712];

  it('a carrier adds an agent on the map, edits it, deletes it and undoes the delete; another carrier’s agent offers no edit', async () => {
    const { context, page, errors } = await personPage();
    await signInAs(page, server.url, 'viettel');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-network').click();
    await map.jumpTo(PLACE, 17, { asUser: true });

    // Add: place it, fill in the agent's own facts; the owner is fixed to the carrier, the inspection result locked.
    await page.getByTestId('new-service_agents').click();
    await map.click(PLACE);
    await page.getByTestId('field-name').fill(NAME);
    await page.getByTestId('field-kind').selectOption('telecom_agent');
    await page.getByTestId('field-licence').fill('HĐĐL-VTL-2026-0777');
    expect(await page.getByTestId('field-owner').isDisabled()).toBe(true);
    expect(await page.getByTestId('field-last_inspection_result').isDisabled()).toBe(true);
    await page.getByTestId('save-asset').click();
    await page.getByTestId('network-notice').waitFor();
    const [created] = (await agentsNamed(NAME)).features;
    expect(created.properties).toMatchObject({ owner: 'viettel', kind: 'telecom_agent', status: 'active', licence: 'HĐĐL-VTL-2026-0777', last_inspection_result: 'not_inspected' });
    expect(created.geometry.coordinates[0]).toBeCloseTo(PLACE[0], 4);
    expect(created.geometry.coordinates[1]).toBeCloseTo(PLACE[1], 4);

    // Edit: selected where the map draws it, suspended.
    const select = async () => {
      await map.waitForIdle();
      await page.waitForFunction((id) => (window.__netguard!.map as { queryRenderedFeatures: (o: object) => { id?: number }[] })
        .queryRenderedFeatures({ layers: ['service-agents-point'] }).some((feature) => feature.id === id), created.id, { timeout: 30_000, polling: 250 });
      await map.click(PLACE);
      await page.getByTestId('edit-asset').waitFor();
    };
    await select();
    await page.getByTestId('edit-asset').click();
    await page.getByTestId('field-status').selectOption('suspended');
    await page.getByTestId('save-asset').click();
    await page.getByText('Đã lưu').waitFor();
    const [edited] = (await agentsNamed(NAME)).features;
    expect(edited.id).toBe(created.id);
    expect(edited.properties.status).toBe('suspended');

    // Delete, then undo: the agent is back under its own id with what it had.
    await select();
    await page.getByTestId('delete-asset').click();
    await page.getByTestId('undo-delete').waitFor();
    expect((await agentsNamed(NAME)).features).toEqual([]);
    await page.getByTestId('undo-delete').click();
    await page.getByText('Đã khôi phục').waitFor();
    const [restored] = (await agentsNamed(NAME)).features;
    expect(restored.id).toBe(created.id);
    expect(restored.properties).toMatchObject({ status: 'suspended', owner: 'viettel', licence: 'HĐĐL-VTL-2026-0777' });
    await page.screenshot({ path: `${OUTPUT_DIR}/agents-carrier-edit.png` });

    // A VNPT agent of the demo, selected on the map: Viettel reads that it is not theirs and gets no edit nor delete.
    const [foreign] = (await api<Agents>('/api/collections/service_agents/items?owner=vnpt&limit=1')).features;
    await map.jumpTo(foreign.geometry.coordinates, 18, { asUser: true });
    await page.waitForFunction((id) => (window.__netguard!.map as { queryRenderedFeatures: (o: object) => { id?: number }[] })
      .queryRenderedFeatures({ layers: ['service-agents-point'] }).some((feature) => feature.id === id), foreign.id, { timeout: 30_000, polling: 250 });
    await map.click(foreign.geometry.coordinates);
    const pick = page.getByTestId('pick-list');
    if (await pick.isVisible()) await pick.locator(`[data-feature="service_agents/${foreign.id}"]`).click();
    await page.getByTestId('not-yours').waitFor();
    expect(await page.getByTestId('edit-asset').count()).toBe(0);
    expect(await page.getByTestId('delete-asset').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a carrier imports agents from the CSV template: the check stores nothing, the import stores them as its own and uninspected', async () => {
    const { context, page, errors } = await personPage();
    await signInAs(page, server.url, 'viettel');
    const map = mapPage(page);
    await map.waitForMap();
    await page.getByTestId('mode-network').click();
    await page.getByTestId('import-collection').selectOption('service_agents');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('template-csv').click();
    const template = `${OUTPUT_DIR}/mau-nhap-service_agents.csv`;
    await (await downloading).saveAs(template);
    const [header, example] = readFileSync(template, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header.split(',');
    // The template carries what a carrier fills in, not what inspections record.
    expect(columns).toEqual(expect.arrayContaining(['lat', 'lon', 'name', 'kind', 'owner', 'licence', 'status']));
    expect(columns).not.toContain('last_inspection_result');
    const cells = (values: Record<string, string>) => columns.map((column) => values[column] ?? '').join(',');
    // The example row, split on the commas outside quotes (its address holds one).
    const row = Object.fromEntries((example.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g) ?? []).slice(0, columns.length).map((cell, index) => [columns[index], cell.replace(/,$/, '')]));
    expect(row.owner).toBe('viettel');
    // Two agents of the carrier's own, a postal agent and an internet shop, in Kon Tum's town centre.
    const file = `${OUTPUT_DIR}/dai-ly-viettel.csv`;
    const own = { owner: 'viettel', status: 'active', address: '"Phường Quyết Thắng, Kon Tum"' };
    writeFileSync(file, `\uFEFF${header}\r\n${cells({ ...own, lat: '14.3530', lon: '108.0050', name: 'Đại lý Bưu điện Quyết Thắng E2E', kind: 'postal_agent' })}\r\n${cells({ ...own, lat: '14.3545', lon: '108.0071', name: 'Điểm Internet Trường Chinh E2E', kind: 'internet_shop' })}\r\n`);
    const stored = async () => (await api<Agents>(`/api/collections/service_agents/items?filter=${encodeURIComponent("name LIKE '%E2E' AND owner = 'viettel' AND kind <> 'telecom_agent'")}`)).features;
    expect(await stored()).toHaveLength(0);

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').or(page.getByTestId('import-problems')).waitFor();
    const refused = page.getByTestId('import-problems');
    expect(await refused.count() > 0 ? await refused.textContent() : null).toBeNull();
    expect(await page.getByTestId('import-valid').textContent()).toContain('2 đối tượng');
    await map.waitForRendered([LAYER_IDS.evidencePoint]);
    expect(await stored()).toHaveLength(0);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe('Đã lưu 2 đối tượng');
    const imported = await stored();
    expect(imported.map((agent) => [agent.properties.name, agent.properties.kind, agent.properties.owner, agent.properties.last_inspection_result]).sort())
      .toEqual([['Điểm Internet Trường Chinh E2E', 'internet_shop', 'viettel', 'not_inspected'], ['Đại lý Bưu điện Quyết Thắng E2E', 'postal_agent', 'viettel', 'not_inspected']].sort());
    expect(errors).toEqual([]);
    await context.close();
  });
});

type PlanItem = { id: number; date: string; agencies: string[]; target: { kind: string; collection: string | null; id: number | null; name: string | null; area?: { coordinates: number[][][] } | null } };
type Plan = { id: number; title: string; items: PlanItem[] };

/** `days` after today in Vietnam, as YYYY-MM-DD. */
const daysFromToday = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('the department keeps its joint inspection plans in the web app (issue 18)', { timeout: 180_000 }, () => {
  it('adds a site from its panel and a drawn area, changes an item’s agencies and day, is told when a colleague changed the item first, removes an item and undoes it', async () => {
    const { token } = await issueToken(server.url, 'dic');
    const asDic = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
    const title = 'Kế hoạch kiểm tra liên ngành E2E';
    const made = (await (await asDic('/api/inspection-plans', { method: 'POST', body: JSON.stringify({ title, from: daysFromToday(0), to: daysFromToday(60) }) })).json()) as Plan;
    const plan = async () => (await (await asDic(`/api/inspection-plans/${made.id}`)).json()) as Plan;
    const [site] = (await api<Agents>('/api/collections/bts_sites/items?owner=vnpt&limit=1')).features;
    const siteCode = String(site.properties.site_code);

    const { context, page, errors } = await personPage();
    await signInAs(page, server.url, 'dic');
    const map = mapPage(page);
    await map.waitForMap();
    // The site, found by its code as a person would, goes into the plan from its panel: police and the frequency department.
    await page.getByTestId('search-input').fill(siteCode);
    await page.getByTestId('search-result').filter({ hasText: siteCode }).first().click();
    await page.locator(`[data-testid="feature-panel"][data-feature="bts_sites/${site.id}"]`).waitFor();
    const adding = page.getByTestId('add-to-plan');
    await adding.locator('summary').click();
    await adding.getByTestId('add-to-plan-plan').selectOption(String(made.id));
    await adding.locator('input[value="frequency_department"]').check();
    await adding.getByTestId('plan-date').fill(daysFromToday(10));
    await adding.getByTestId('add-to-plan-submit').click();
    await adding.getByText('Đã thêm vào kế hoạch').waitFor();
    const [siteItem] = (await plan()).items;
    expect(siteItem).toMatchObject({ date: daysFromToday(10), agencies: ['police', 'frequency_department'], target: { kind: 'site', collection: 'bts_sites', id: site.id } });

    // An area drawn on the map in the oversight workspace: the market around Kon Tum's central square.
    await page.getByTestId('mode-oversight').click();
    const planBox = page.locator(`[data-testid="inspection-plan"][data-plan="${made.id}"]`);
    await planBox.locator('summary').first().click();
    const area = planBox.getByTestId('add-area');
    await area.locator('summary').click();
    await map.jumpTo([108.005, 14.355], 15, { asUser: true });
    const corners: [number, number][] = [[108.0, 14.351], [108.01, 14.351], [108.01, 14.359], [108.0, 14.359]];
    for (const corner of corners) await map.click(corner);
    await map.click(corners[0]);
    await area.getByText('Đã vẽ khu vực.').waitFor();
    await area.getByTestId('add-area-name').fill('Chợ Kon Tum và phụ cận');
    await area.locator('input[value="market_management"]').check();
    await area.getByTestId('plan-date').fill(daysFromToday(20));
    await area.getByTestId('add-area-submit').click();
    await area.getByText('Đã thêm vào kế hoạch').waitFor();
    const areaItem = (await plan()).items.find((item) => item.target.kind === 'area')!;
    expect(areaItem).toMatchObject({ date: daysFromToday(20), agencies: ['police', 'market_management'], target: { name: 'Chợ Kon Tum và phụ cận' } });
    const xs = areaItem.target.area!.coordinates[0].map((position) => position[0]);
    expect(Math.min(...xs)).toBeCloseTo(108.0, 3);
    expect(Math.max(...xs)).toBeCloseTo(108.01, 3);

    // The site's item: customs join, and the day moves a week later.
    const siteLine = planBox.locator(`[data-testid="inspection-plan-item"][data-item="${siteItem.id}"]`);
    await siteLine.getByTestId('plan-item-edit').click();
    await siteLine.locator('input[value="customs"]').check();
    await siteLine.getByTestId('plan-date').fill(daysFromToday(17));
    await siteLine.getByTestId('plan-item-save').click();
    await siteLine.getByTestId('plan-item-edit').waitFor();
    expect((await plan()).items.find((item) => item.id === siteItem.id)).toMatchObject({ date: daysFromToday(17), agencies: ['police', 'frequency_department', 'customs'] });
    // A colleague moves the site's day while the editor is open again: the save is refused and says why, and their day stays.
    await siteLine.getByTestId('plan-item-edit').click();
    await siteLine.locator('input[value="customs"]').uncheck();
    expect((await asDic(`/api/inspection-plans/${made.id}/items/${siteItem.id}`, { method: 'PATCH', body: JSON.stringify({ date: daysFromToday(18) }) })).status).toBe(200);
    await siteLine.getByTestId('plan-item-save').click();
    await siteLine.getByRole('alert').filter({ hasText: 'Người khác vừa thay đổi dữ liệu này' }).waitFor();
    expect((await plan()).items.find((item) => item.id === siteItem.id)).toMatchObject({ date: daysFromToday(18), agencies: ['police', 'frequency_department', 'customs'] });
    await siteLine.getByTestId('plan-item-cancel').click();

    // The area is removed, then the removal undone: it is back under its own id, with its agencies and day.
    await planBox.locator(`[data-testid="inspection-plan-item"][data-item="${areaItem.id}"]`).getByTestId('plan-item-remove').click();
    await page.getByTestId('plan-item-removed').waitFor();
    expect((await plan()).items.map((item) => item.id)).toEqual([siteItem.id]);
    await page.screenshot({ path: `${OUTPUT_DIR}/plans-item-removed.png` });
    await page.getByTestId('plan-item-undo').click();
    await page.getByTestId('plan-item-restored').waitFor();
    await planBox.locator(`[data-testid="inspection-plan-item"][data-item="${areaItem.id}"]`).waitFor();
    expect((await plan()).items.find((item) => item.id === areaItem.id)).toMatchObject({ date: daysFromToday(20), agencies: ['police', 'market_management'], target: { kind: 'area' } });
    expect(errors).toEqual([]);
    await context.close();
  });
});
