import type { SlackPoint } from '../analysis/fibre-break/index.ts';

/**
 * A cable route's reserve coils as stored in its `slack_points` property: "metres along the route:metres of slack"
 * pairs, separated by semicolons, e.g. `1000:20; 3000:30; 5500:15` — readable in the attribute table and in a CSV.
 */
export function formatSlackPoints(points: readonly SlackPoint[]): string {
  return points.map((point) => `${round(point.positionMeters)}:${round(point.slackMeters)}`).join('; ');
}

const round = (value: number) => Math.round(value * 10) / 10;
const PAIR = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/;

/**
 * Parses `slack_points`; an empty or null value is no coils.
 * @param lengthMeters the route's length: a coil must lie on it
 * @returns the coils, or the first problem in words
 */
export function parseSlackPoints(text: unknown, lengthMeters: number): { points: SlackPoint[] } | { problem: string } {
  if (text === null || text === undefined || String(text).trim() === '') return { points: [] };
  const points: SlackPoint[] = [];
  for (const [index, pair] of String(text).split(';').map((part) => part.trim()).entries()) {
    const match = PAIR.exec(pair);
    if (!match) return { problem: `coil ${index + 1} ("${pair}") should be "metres along the route:metres of slack", e.g. 1000:20` };
    const positionMeters = Number(match[1]), slackMeters = Number(match[2]);
    if (positionMeters > lengthMeters + 0.5) return { problem: `coil ${index + 1} lies at ${positionMeters} m, beyond the route's ${Math.round(lengthMeters)} m` };
    if (slackMeters > 500) return { problem: `coil ${index + 1} holds ${slackMeters} m: more than 500 m of slack in one place is not a coil` };
    points.push({ positionMeters, slackMeters });
  }
  return { points };
}
