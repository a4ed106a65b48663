/**
 * Time slices of `sliceMonths` calendar months from the month of `start` to the month of `end` (UTC).
 * @param start ISO date/time (inclusive); @param end ISO date/time (inclusive; a bare date covers the whole day)
 * @param sliceMonths months per slice (positive integer, default 1)
 * @returns labels 'YYYY-MM' of each slice's first month, and `sliceOf(iso)` → slice index or −1 outside [start, end]
 */
export function monthSlices(start: string, end: string, sliceMonths = 1): { labels: string[]; sliceOf: (iso: string) => number } {
  if (!(Number.isInteger(sliceMonths) && sliceMonths > 0)) throw new Error('sliceMonths must be a positive integer');
  const t0 = Date.parse(start);
  const t1 = Date.parse(end) + (/^\d{4}-\d{2}-\d{2}$/.test(end) ? 86_400_000 - 1 : 0);
  if (Number.isNaN(t0) || Number.isNaN(t1)) throw new Error('start and end must be ISO dates');
  if (t1 < t0) throw new Error('end must not be before start');
  const month = (t: number): number => { const d = new Date(t); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };
  const m0 = month(t0);
  const count = Math.floor((month(t1) - m0) / sliceMonths) + 1;
  const labels = Array.from({ length: count }, (_, k) => {
    const m = m0 + k * sliceMonths;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  const sliceOf = (iso: string): number => {
    const t = Date.parse(iso);
    if (Number.isNaN(t) || t < t0 || t > t1) return -1;
    return Math.floor((month(t) - m0) / sliceMonths);
  };
  return { labels, sliceOf };
}
