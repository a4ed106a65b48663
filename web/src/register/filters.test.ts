import { describe, expect, it } from 'vitest';
import { nextSort, registerQuery, type RegisterFilters } from './filters.ts';

const base: RegisterFilters = {
  text: '', type: '', status: '', source: '', owner: '', district: '', commune: '', assignee: '',
  period: { start: '2025-12-01', end: '2026-12-01' }, unread: false, overdue: false, inView: false, sort: '-reported_at',
};

describe('registerQuery', () => {
  it('sends only the filters that are set, with the period as a datetime interval', () => {
    expect(registerQuery({ ...base, type: 'cable_theft' }, { offset: 25, limit: 25 }, null).toString())
      .toBe('type=cable_theft&datetime=2025-12-01%2F2026-12-01&sort=-reported_at&limit=25&offset=25');
  });

  it('looks a number or code up in the whole record: no period with a search text', () => {
    expect(registerQuery({ ...base, text: ' KT-ABCD ' }, null, null).get('datetime')).toBeNull();
    expect(registerQuery({ ...base, text: ' KT-ABCD ' }, null, null).get('q')).toBe('KT-ABCD');
  });

  it('"open" means every status still being worked on, and a commune replaces its district', () => {
    const params = registerQuery({ ...base, status: 'open', district: '610', commune: '23395' }, null, null);
    expect(params.get('status')).toBe('reported,verified,investigating');
    expect(params.get('district')).toBeNull();
    expect(params.get('commune')).toBe('23395');
  });

  it('limits to the map view only when asked and the view is known', () => {
    expect(registerQuery({ ...base, inView: true }, null, [107.9, 14.3, 108.1, 14.5]).get('bbox')).toBe('107.90000,14.30000,108.10000,14.50000');
    expect(registerQuery({ ...base, inView: true }, null, null).get('bbox')).toBeNull();
  });
});

describe('nextSort', () => {
  it('sorts by a new column descending, then ascending', () => {
    expect(nextSort('-reported_at', 'id')).toBe('-id');
    expect(nextSort('-id', 'id')).toBe('id');
    expect(nextSort('id', 'id')).toBe('-id');
  });
});
