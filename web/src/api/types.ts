import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type FeatureProperties = Record<string, unknown>;
export type ApiFeature = Feature<Geometry, FeatureProperties>;

export type Link = { href: string; rel: string; type?: string; title?: string };

/** The items response of `/api/collections/{id}/items`. */
export type ItemsResponse = FeatureCollection<Geometry, FeatureProperties> & {
  numberMatched?: number;
  numberReturned?: number;
  links?: Link[];
};

export type SearchResult = {
  collection: string;
  id: number;
  label: string;
  detail: string | null;
  bbox: [number, number, number, number];
};

export type SearchResponse = { query: string; numberReturned: number; results: SearchResult[] };

export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

/** Inclusive date range as ISO dates (yyyy-mm-dd). */
export type DateRange = { start: string; end: string };
