import type { FeatureCollection } from 'geojson';
import { ApiError, getJson } from '../api/client.ts';

export type FibreBreakAnswer = { incidentId: number; routeId: number; locatedAt: string; fibreBreak: FeatureCollection };
export type BreakProps = { kind: 'break'; fromEndMeters: number; opticalDistanceMeters: number; toleranceMeters: number; slackPointsPassed: number; twistFactor: number };
export type SegmentProps = { kind: 'search_segment'; lengthMeters: number; startMeters: number; endMeters: number };

/** Only cable cuts raised by a carrier's alarm can have been located from a fibre reading (issue 18 §3). */
export const mayHaveFibreBreak = (properties: Record<string, unknown> | undefined) =>
  properties?.type === 'cable_cut' && properties?.source === 'carrier_alarm';

/** The incident's located break and search segment, or null when it was not located from a fibre reading (404). */
export function fibreBreakQuery(id: number | string) {
  return {
    queryKey: ['incident-fibre-break', String(id)] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<FibreBreakAnswer>(`/api/incidents/${id}/fibre-break`, signal)
      .catch((error: unknown) => { if (error instanceof ApiError && error.status === 404) return null; throw error; }),
    staleTime: 60_000,
  };
}

/** The break point's and the segment's properties of an answer. */
export function breakParts(located: FeatureCollection): { point: BreakProps; segment: SegmentProps } | null {
  const point = located.features.find((feature) => feature.properties?.kind === 'break')?.properties as BreakProps | undefined;
  const segment = located.features.find((feature) => feature.properties?.kind === 'search_segment')?.properties as SegmentProps | undefined;
  return point && segment ? { point, segment } : null;
}
