import type { Rng } from '../../server/analysis/prng/index.ts';
import { formatSlackPoints } from '../../server/alarms/slack-points.ts';
import type { CableDraft } from './network.ts';

/**
 * Reserve coils and twist of each fibre route, as a carrier's records hold them: a splice closure at every drum
 * joint (drums of 2–4 km) with a 15–30 m coil, and the data sheet's twist factor (1.000–1.020). Copper has neither.
 * Drawn from its own stream, so the network itself is the same with or without them.
 */
export function addCableCoils(rng: Rng, routes: CableDraft[]): void {
  for (const route of routes) {
    const fibre = route.properties.medium === 'fibre';
    const lengthM = Number(route.properties.length_m);
    const coils = [];
    for (let at = rng.int(2000, 4000); fibre && at < lengthM - 200; at += rng.int(2000, 4000)) coils.push({ positionMeters: at, slackMeters: rng.int(15, 30) });
    route.properties.slack_points = coils.length > 0 ? formatSlackPoints(coils) : null;
    route.properties.twist_factor = fibre ? rng.int(1000, 1020) / 1000 : null;
  }
}
