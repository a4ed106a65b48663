/** A report period: first and last day included (YYYY-MM-DD, UTC), with a label. */
export type Period = { label: string; from: string; to: string };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `2026-H1` (1 January – 30 June), `2026-H2` (1 July – 31 December), or an explicit range. Returns null when the
 * text is neither.
 */
export function parsePeriod(period: string | null, from: string | null, to: string | null): Period | null {
  const half = period ? /^(\d{4})-H([12])$/.exec(period) : null;
  if (half) {
    const year = half[1];
    return half[2] === '1' ? { label: period!, from: `${year}-01-01`, to: `${year}-06-30` } : { label: period!, from: `${year}-07-01`, to: `${year}-12-31` };
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (period || !from || !to || !day.test(from) || !day.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || to < from) return null;
  return { label: `${from}/${to}`, from, to };
}

/** The period of the same length just before: H1 2026 → H2 2025, a range → the as-many days before it. */
export function previousPeriod(period: Period): Period {
  const half = /^(\d{4})-H([12])$/.exec(period.label);
  if (half) return half[2] === '1' ? parsePeriod(`${Number(half[1]) - 1}-H2`, null, null)! : parsePeriod(`${half[1]}-H1`, null, null)!;
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1;
  const to = Date.parse(period.from) - DAY_MS;
  return { label: `${iso(to - (days - 1) * DAY_MS)}/${iso(to)}`, from: iso(to - (days - 1) * DAY_MS), to: iso(to) };
}

/** Epoch-ms bounds of a period, whole days in UTC. */
export const periodMs = (period: Period) => ({ startMs: Date.parse(`${period.from}T00:00:00Z`), endMs: Date.parse(`${period.to}T23:59:59.999Z`) });
