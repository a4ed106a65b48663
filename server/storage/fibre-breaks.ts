import type { FeatureCollection } from 'geojson';

/** The fibre-break evidence of an incident raised by an OTDR alarm (issue 18 §3). */
export type StoredFibreBreak = {
  incidentId: number;
  routeId: number;
  /** The break (Point) and the search segment (LineString), with their properties, as `fibreBreak` located them. */
  located: FeatureCollection;
  locatedAt: string;
};

export interface FibreBreakStore {
  /** Keeps (or, for a newer reading of the same alarm, replaces) the located break of an incident. */
  put(fibreBreak: StoredFibreBreak): Promise<void>;
  get(incidentId: number): Promise<StoredFibreBreak | undefined>;
}
