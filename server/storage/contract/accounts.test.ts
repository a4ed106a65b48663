import { expect, it } from 'vitest';
import { Conflict } from '../../errors.ts';
import { describeProviders, type ContractStorage } from '../../../tests/helpers/providers.ts';

const CREATED = '2026-11-01T00:00:00.000Z';

async function withUsers(fresh: () => Promise<ContractStorage>) {
  const storage = await fresh();
  const viettel = (await storage.accounts.organisation('viettel'))!;
  const police = (await storage.accounts.organisation('police-kontum'))!;
  const editor = await storage.accounts.createUser({ username: 'Viettel', displayName: 'Kỹ thuật Viettel', passwordHash: 'h1', role: 'carrier_editor', organisationId: viettel.id, createdAt: CREATED });
  const planner = await storage.accounts.createUser({ username: 'police', displayName: 'Công an', passwordHash: 'h2', role: 'police_planner', organisationId: police.id, createdAt: CREATED });
  return { storage, viettel, police, editor, planner };
}

describeProviders('accounts', (fresh) => {
  it('starts with the province’s bodies and carriers, and refuses a taken organisation code', async () => {
    const storage = await fresh();
    expect((await storage.accounts.organisations()).map((organisation) => [organisation.code, organisation.kind, organisation.carrier])).toEqual([
      ['operator', 'operator', null], ['police-kontum', 'provincial_police', null], ['dic-kontum', 'dic', null], ['ubnd-kontum', 'peoples_committee', null],
      ['viettel', 'carrier', 'viettel'], ['vnpt', 'carrier', 'vnpt'], ['mobifone', 'carrier', 'mobifone'], ['fpt', 'carrier', 'fpt'], ['vnpost', 'carrier', 'vnpost'],
    ]);
    const added = await storage.accounts.createOrganisation({ code: 'police-dakglei', name: 'Công an huyện Đắk Glei', kind: 'district_police', carrier: null });
    expect(await storage.accounts.organisation('police-dakglei')).toEqual(added);
    await expect(storage.accounts.createOrganisation({ code: 'police-dakglei', name: 'x', kind: 'district_police', carrier: null })).rejects.toThrow(Conflict);
  });

  it('renames the area’s bodies only where the name changed', async () => {
    const storage = await fresh();
    const names = { department: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', police: 'Công an tỉnh Kon Tum', committee: 'Ủy ban nhân dân tỉnh Quảng Ngãi' };
    expect((await storage.accounts.nameAreaBodies(names)).sort()).toEqual(['dic-kontum', 'ubnd-kontum']);
    expect(await storage.accounts.nameAreaBodies(names)).toEqual([]);
    expect((await storage.accounts.organisation('dic-kontum'))?.name).toBe('Sở Khoa học và Công nghệ tỉnh Quảng Ngãi');
  });

  it('finds users by name ignoring case, binds only carrier editors to their carrier, and refuses a taken name', async () => {
    const { storage, viettel, editor, planner } = await withUsers(fresh);
    expect(editor).toEqual({ userId: editor.userId, username: 'Viettel', displayName: 'Kỹ thuật Viettel', role: 'carrier_editor', organisationId: viettel.id, organisationName: 'Viettel Kon Tum', carrier: 'viettel' });
    expect(planner.carrier).toBeNull();
    expect(await storage.accounts.credentials('VIETTEL')).toEqual({ ...editor, passwordHash: 'h1', disabled: false });
    await expect(storage.accounts.createUser({ username: 'viettel', displayName: 'x', passwordHash: 'h', role: 'viewer', organisationId: viettel.id, createdAt: CREATED })).rejects.toThrow(Conflict);
    expect(await storage.accounts.setRole('viettel', 'viewer')).toBe(true);
    expect(await storage.accounts.setRole('nobody', 'viewer')).toBe(false);
    expect((await storage.accounts.enabledUser(editor.userId))).toMatchObject({ role: 'viewer', carrier: null });
    expect((await storage.accounts.users()).map((user) => [user.username, user.disabled])).toEqual([['Viettel', false], ['police', false]]);
  });

  it('keeps sessions until they expire or are deleted', async () => {
    const { storage, planner } = await withUsers(fresh);
    await storage.accounts.createSession({ tokenHash: 's1', userId: planner.userId, csrfToken: 'c1', createdAt: CREATED, expiresAt: '2026-11-02T00:00:00.000Z' });
    expect(await storage.accounts.session('s1', '2026-11-01T12:00:00.000Z')).toEqual({ user: planner, csrfToken: 'c1' });
    expect(await storage.accounts.session('s1', '2026-11-02T00:00:00.000Z')).toBeNull();
    expect(await storage.accounts.session('s2', '2026-11-01T12:00:00.000Z')).toBeNull();
    await storage.accounts.deleteSession('s1');
    expect(await storage.accounts.session('s1', '2026-11-01T12:00:00.000Z')).toBeNull();
  });

  it('reads a session’s and a token’s user as stored at each lookup: a role change shows on the next one', async () => {
    const { storage, editor } = await withUsers(fresh);
    await storage.accounts.createSession({ tokenHash: 's1', userId: editor.userId, csrfToken: 'c1', createdAt: CREATED, expiresAt: '2026-11-02T00:00:00.000Z' });
    const id = await storage.accounts.createToken({ name: 'alarms', tokenHash: 't1', signingSecret: 'sealed-1', userId: editor.userId, createdAt: CREATED });
    expect((await storage.accounts.session('s1', '2026-11-01T12:00:00.000Z'))?.user).toEqual(editor);
    expect(await storage.accounts.setRole('viettel', 'viewer')).toBe(true);
    const viewer = { ...editor, role: 'viewer', carrier: null };
    expect(await storage.accounts.session('s1', '2026-11-01T12:00:00.000Z')).toEqual({ user: viewer, csrfToken: 'c1' });
    expect(await storage.accounts.tokenUser('t1')).toEqual({ user: viewer, tokenId: id });
  });

  it('keeps API tokens with their last use (written once a span), signing secrets and revocation', async () => {
    const { storage, editor } = await withUsers(fresh);
    const id = await storage.accounts.createToken({ name: 'alarms', tokenHash: 't1', signingSecret: 'sealed-1', userId: editor.userId, createdAt: CREATED });
    expect(await storage.accounts.tokenUser('t1')).toEqual({ user: editor, tokenId: id });
    expect((await storage.accounts.tokens())[0].lastUsedAt).toBeNull();
    const lastUse = async () => (await storage.accounts.tokens())[0].lastUsedAt;
    expect(await storage.accounts.tokenUser('t1', { at: '2026-11-04T00:00:00.000Z', notedSince: '2026-11-03T23:59:00.000Z' })).toEqual({ user: editor, tokenId: id });
    expect(await storage.accounts.tokens()).toEqual([{ id, name: 'alarms', username: 'Viettel', createdAt: CREATED, revokedAt: null, lastUsedAt: '2026-11-04T00:00:00.000Z' }]);
    // A use within the span of the one noted is not written; the first after it is.
    await storage.accounts.tokenUser('t1', { at: '2026-11-04T00:00:59.999Z', notedSince: '2026-11-03T23:59:59.999Z' });
    expect(await lastUse()).toBe('2026-11-04T00:00:00.000Z');
    await storage.accounts.tokenUser('t1', { at: '2026-11-04T00:01:00.001Z', notedSince: '2026-11-04T00:00:00.001Z' });
    expect(await lastUse()).toBe('2026-11-04T00:01:00.001Z');
    expect(await storage.accounts.signingSecret(id)).toEqual({ tokenHash: 't1', value: 'sealed-1' });
    await storage.accounts.setSigningSecret(id, 'sealed-2');
    expect(await storage.accounts.signingSecrets()).toEqual([{ id, tokenHash: 't1', value: 'sealed-2' }]);
    expect(await storage.accounts.revokeToken(id, '2026-11-05T00:00:00.000Z')).toBe(true);
    expect(await storage.accounts.revokeToken(id, '2026-11-06T00:00:00.000Z')).toBe(false);
    expect(await storage.accounts.tokenUser('t1', { at: '2026-11-07T00:00:00.000Z', notedSince: '2026-11-06T23:59:00.000Z' })).toBeNull();
    expect(await storage.accounts.signingSecret(id)).toBeNull();
    expect((await storage.accounts.tokens())[0].revokedAt).toBe('2026-11-05T00:00:00.000Z');
  });
});

describeProviders('throttles', (fresh) => {
  it('counts hits in fixed windows per key, and forgets a key on reset', async () => {
    const { throttles } = await fresh();
    expect(await throttles.hit('login:a', 1000, 10_000)).toEqual({ count: 1, startMs: 10_000 });
    expect(await throttles.hit('login:a', 1000, 10_999)).toEqual({ count: 2, startMs: 10_000 });
    expect(await throttles.hit('login:b', 1000, 10_999)).toEqual({ count: 1, startMs: 10_999 });
    expect(await throttles.hit('login:a', 1000, 11_000)).toEqual({ count: 1, startMs: 11_000 });
    await throttles.reset('login:a');
    expect(await throttles.hit('login:a', 1000, 11_001)).toEqual({ count: 1, startMs: 11_001 });
  });

  it('counts concurrent hits exactly', async () => {
    const { throttles } = await fresh();
    const counts = await Promise.all(Array.from({ length: 12 }, () => throttles.hit('hotline:1.2.3.4', 60_000, 5_000)));
    expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });
});

describeProviders('the audit log', (fresh) => {
  it('lists entries newest first, filtered, paged and counted, as they were written', async () => {
    const { audit } = await fresh();
    await audit.append({ at: '2026-11-01T08:00:00.000Z', actor: 'police', role: 'police_planner', action: 'read', targetType: 'incidents' });
    await audit.append({ at: '2026-11-02T08:00:00.000Z', actor: 'viettel', role: 'carrier_editor', action: 'update', targetType: 'bts_sites', targetId: 7,
      before: { status: 'active', z: 1, a: 2 }, after: { status: 'retired' }, details: { via: 'import' }, ip: '10.0.0.1' });
    await audit.append({ at: '2026-11-03T08:00:00.000Z', actor: 'viettel', role: 'carrier_editor', action: 'delete', targetType: 'bts_sites', targetId: '8' });
    const all = await audit.list({ limit: 10, offset: 0 });
    expect([all.numberMatched, all.records.map((record) => record.id)]).toEqual([3, [3, 2, 1]]);
    const update = all.records[1];
    expect(update).toEqual({ id: 2, at: '2026-11-02T08:00:00.000Z', actor: 'viettel', role: 'carrier_editor', action: 'update', targetType: 'bts_sites', targetId: '7',
      before: { status: 'active', z: 1, a: 2 }, after: { status: 'retired' }, details: { via: 'import' }, ip: '10.0.0.1' });
    expect(Object.keys(update.before as object)).toEqual(['status', 'z', 'a']);
    expect(all.records[0]).toMatchObject({ before: null, after: null, details: null, ip: null });
    const viettel = await audit.list({ actor: 'viettel', actions: ['update', 'delete'], from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T08:00:00.000Z', limit: 1, offset: 1 });
    expect([viettel.numberMatched, viettel.records.map((record) => record.id)]).toEqual([2, [2]]);
    expect((await audit.list({ targetType: 'bts_sites', targetId: '8', limit: 10, offset: 5 })).numberMatched).toBe(1);
  });
});

describeProviders('the audit log’s batches', (fresh) => {
  const entry = (n: number) => ({ at: `2026-11-01T08:00:0${n}.000Z`, actor: 'police', role: 'police_planner', action: 'read' as const, targetType: 'incidents', targetId: n });
  it('stores entries appended together outside a transaction in their order, each call settling once its entry is stored', async () => {
    const { audit } = await fresh();
    await audit.appendAll([entry(1), entry(2)]);
    const stored: number[] = [];
    await Promise.all([3, 4, 5].map(async (n) => {
      await audit.append(entry(n));
      stored.push((await audit.list({ targetId: String(n), limit: 1, offset: 0 })).numberMatched);
    }));
    expect(stored).toEqual([1, 1, 1]);
    const { records } = await audit.list({ limit: 10, offset: 0 });
    expect(records.map((record) => [record.id, record.targetId])).toEqual([[5, '5'], [4, '4'], [3, '3'], [2, '2'], [1, '1']]);
  });

  it('stores all of a batch or none of it', async () => {
    const { audit } = await fresh();
    // An entry without an actor breaks the log's NOT NULL: the whole batch fails and nothing of it is stored.
    const broken = { ...entry(2), actor: null as unknown as string };
    await expect(audit.appendAll([entry(1), broken, entry(3)])).rejects.toThrow();
    expect((await audit.list({ limit: 10, offset: 0 })).numberMatched).toBe(0);
    const appended = [audit.append(entry(1)), audit.append(broken)];
    for (const call of appended) await expect(call).rejects.toThrow();
    expect((await audit.list({ limit: 10, offset: 0 })).numberMatched).toBe(0);
  });
});

describeProviders('change counters', (fresh) => {
  it('step a carrier’s network version on every write of its assets, and the incidents’ on theirs', async () => {
    const storage = await fresh();
    const site = (id: number, owner: string) => ({ type: 'Feature' as const, id, geometry: { type: 'Point' as const, coordinates: [108, 14.5] }, properties: { site_code: `S${id}`, owner, technologies: ['4G'], status: 'active' } });
    expect([await storage.counters.version('network:vnpt'), await storage.counters.version('incidents'), await storage.counters.total('network:')]).toEqual([0, 0, 0]);
    await storage.features.insert('bts_sites', [site(1, 'vnpt'), site(2, 'vnpt'), site(3, 'viettel')]);
    expect([await storage.counters.version('network:vnpt'), await storage.counters.version('network:viettel'), await storage.counters.total('network:')]).toEqual([2, 1, 3]);
    await storage.features.remove('bts_sites', 3);
    expect(await storage.counters.version('network:viettel')).toBe(2);
    await storage.features.insert('incidents', [{ type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [108, 14.5] }, properties: { type: 'cable_cut', occurred_at: '2026-11-01T00:00:00Z', reported_at: '2026-11-01T00:00:00Z', source: 'patrol', status: 'reported' } }]);
    expect([await storage.counters.version('incidents'), await storage.counters.total('network:')]).toEqual([1, 4]);
  });
});
