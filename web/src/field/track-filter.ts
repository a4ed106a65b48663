import distance from '@turf/distance';

/** One position from `watchPosition`: where, how sure (metres, 95 %), and when (ms since the epoch). */
export type Fix = { lon: number; lat: number; accuracyMeters: number; at: number };
/** What the filter keeps between fixes: the last accepted fix and a far-away fix waiting for a second opinion. */
export type FilterState = { last: Fix | null; pending: Fix | null };
export type FilterAnswer = { state: FilterState; accepted: Fix[]; rejected: 'inaccurate' | 'jump' | null };

/** Fixes less sure than this are not drawn or counted (a phone indoors or under forest reports hundreds of metres). */
export const MAX_ACCURACY_METERS = 50;
/** Faster than this (≈ 200 km/h) between fixes is a GPS jump, not a patrol on a mountain road. */
export const MAX_SPEED_METERS_PER_SECOND = 55;

const metersBetween = (a: Fix, b: Fix) => distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
const plausible = (from: Fix, to: Fix) => metersBetween(from, to) <= MAX_SPEED_METERS_PER_SECOND * Math.max(1, (to.at - from.at) / 1000);

/**
 * Keeps a GPS track honest: drops fixes worse than 50 m, and a fix that jumps further than 200 km/h allows from the
 * last one — unless the next fix agrees with it, in which case the phone really is there (after a tunnel, or a long
 * gap) and both are kept.
 */
export function filterFix(state: FilterState, fix: Fix): FilterAnswer {
  if (!(fix.accuracyMeters <= MAX_ACCURACY_METERS)) return { state, accepted: [], rejected: 'inaccurate' };
  if (!state.last || plausible(state.last, fix)) return { state: { last: fix, pending: null }, accepted: [fix], rejected: null };
  if (state.pending && plausible(state.pending, fix)) return { state: { last: fix, pending: null }, accepted: [state.pending, fix], rejected: null };
  return { state: { last: state.last, pending: fix }, accepted: [], rejected: 'jump' };
}
