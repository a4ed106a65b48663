/** The bounds grown by `fraction` of their size on every side (features just outside still draw their edges). */
export function padded([w, s, e, n]: [number, number, number, number], fraction: number): [number, number, number, number] {
  const dx = (e - w) * fraction, dy = (n - s) * fraction;
  return [w - dx, Math.max(-85.06, s - dy), e + dx, Math.min(85.06, n + dy)];
}

/** True when two [w, s, e, n] boxes overlap. */
export const intersects = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
