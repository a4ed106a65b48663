import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { FilterExpr, SortKey } from './filter.ts';
import type { TileRequest } from './vector-tiles.ts';

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees; minLon > maxLon is a box across the antimeridian. */
export type Bbox = [number, number, number, number];

/** Inclusive time range in epoch milliseconds; `null` is an open end. */
export type TimeRange = { startMs: number | null; endMs: number | null };

/** Equality on one property; for `text[]` properties it means "the array contains value". */
export type PropertyFilter = { property: string; value: string | number | boolean };

export type ItemQuery = {
  /** Features whose geometry (not only its bounding box) meets the box. */
  bbox?: Bbox;
  datetime?: TimeRange;
  filters: readonly PropertyFilter[];
  /** A CQL2 filter, typed and checked against the registry (`server/ogc/cql2/`). */
  filter?: FilterExpr;
  /** Order of the matches, before paging; ties (and no keys) by id. */
  sortby?: readonly SortKey[];
  /** Only these feature ids (a reader's row-level scope); undefined means no restriction. */
  ids?: readonly number[];
  limit: number;
  offset: number;
};

/** Which points a coordinate read takes: a time range and IN / NOT IN lists on text properties. */
export type PointFilter = {
  datetime?: TimeRange;
  where: readonly { property: string; values: readonly string[]; negate?: boolean }[];
};

export type StoredFeature = Feature<Geometry, Record<string, unknown>> & { id: number };

/** A feature of a vector tile; lines merged below LOW_ZOOMS have no id. */
export type TileFeature = Feature<Geometry, Record<string, unknown>> & { id?: number };

/**
 * An export's encoder, named so that a provider can load it on whichever thread reads (storage imports no
 * capability): `module` is the `file:` URL of a module exporting `createEncoder(options): FeatureEncoder`, and
 * `options` plain data.
 */
export type ExportEncoder = { module: string; options: unknown };

/**
 * Turns features into the text of a file, batch by batch: `write` for each batch in order, then `end` once; `abort`
 * instead of `end` when the export stops early (what the encoder holds is released).
 */
export type FeatureEncoder = { write(features: readonly StoredFeature[]): string; end(): string; abort?(): void };

export type ExportStreamOptions = {
  /** Awaited before the stream ends, with the features read and whether every match was sent. */
  onEnd?: (summary: { count: number; complete: boolean }) => Promise<void>;
  /** Milliseconds the stream may wait for its reader to take the next chunk; past it the export is cancelled. */
  stallMs?: number;
};

export type QueryResult = { features: StoredFeature[]; numberMatched: number };

export type SearchHit = {
  collection: string;
  id: number;
  label: string;
  detail: string | null;
  bbox: Bbox;
};

export type Extent = {
  bbox: Bbox | null;
  /** ISO 8601 instants of the earliest and latest temporal values; null when not time-stamped or empty. */
  interval: [string, string] | null;
};

/**
 * The features of every registry collection. Implementations own their query language and know nothing of HTTP; the
 * collection ids are the registry's, and every feature written is checked against the registry first
 * (`server/collections/feature-problems.ts`). SQLite in `server/storage/sqlite/`, PostGIS in `server/storage/postgres/`. Outside a
 * transaction each call is atomic on its own; inside `storage.transaction` the same calls see and join its writes.
 */
export interface FeatureStore {
  /** Features matching every criterion, ordered by `sortby` then id, with the total count ignoring limit/offset. */
  query(collectionId: string, query: ItemQuery): Promise<QueryResult>;
  /**
   * `query`'s matches (limit and offset ignored), in `query`'s order, encoded by `encoder` as they are read, as a
   * stream: batches go from a cursor to the encoder and on to the stream only as fast as the stream is read, so a
   * slow client pauses the read, and cancelling the stream (a client that went away) stops it and frees what it held.
   * Read where the provider keeps large reads off the event loop (SQLite: an export thread, its own read-only
   * connection and snapshot). Resolves once the first bytes are ready, so a query the provider refuses rejects
   * before anything is sent; `onEnd` is awaited before the stream ends (complete or cancelled), with the number of
   * features read. An encoder that writes a file of its own (a GeoPackage) sends nothing: its stream ends, empty,
   * when the file is whole.
   */
  exportStream(collectionId: string, query: ItemQuery, encoder: ExportEncoder, options?: ExportStreamOptions): Promise<ReadableStream<Uint8Array>>;
  get(collectionId: string, id: number): Promise<StoredFeature | undefined>;
  /**
   * The lean read analyses need: every feature of a Point collection in a time range, ordered by id, carrying only
   * the named properties (registry names), without paging or counting.
   */
  points(collectionId: string, query: { datetime?: TimeRange; properties: readonly string[] }): Promise<FeatureCollection<Point, Record<string, unknown>>>;
  /**
   * Only the coordinates of a Point collection's matching features, as two parallel arrays in no particular order:
   * the leanest read there is, for binning a million incidents.
   */
  pointCoordinates(collectionId: string, filter: PointFilter): Promise<{ x: Float64Array; y: Float64Array }>;
  /**
   * Vector tile z/x/y of a collection under a reader's scope, as Mapbox Vector Tile bytes: one layer named after the
   * collection, TILE_EXTENT units a side (`vector-tiles.ts`), feature ids kept, lists joined with `;`. The zoom rules of
   * `tile-grid.ts` apply: points thinned to one per grid cell below THIN_BELOW_ZOOM (`point_count` when it stands for
   * several); below LOW_ZOOMS only the tile properties, and lines generalised, from their `tileMinZoom`, and merged by
   * their redacted properties without id (`line_count`), another owner's lines from FOREIGN_LINES_FROM_ZOOM for a
   * reader with `privateRows`; the lowest MAX_FEATURES_PER_TILE ids otherwise. Every row is redacted by the scope.
   */
  vectorTile(collectionId: string, request: TileRequest): Promise<Uint8Array>;
  /** Inserts features with their own integer ids; throws InvalidFeature on invalid features, Conflict on a taken id. */
  insert(collectionId: string, features: readonly Feature[]): Promise<void>;
  /**
   * Stores new features under new ids, in order (ids they carry are ignored); returns the ids. An id is never handed
   * out twice: not even a deleted feature's, so links and audit entries naming it never come to name another feature.
   */
  createAll(collectionId: string, features: readonly Feature[]): Promise<number[]>;
  /** Stores one new feature under a new id, as `createAll` (any `id` it carries is ignored), and returns it as stored. */
  create(collectionId: string, feature: Feature): Promise<StoredFeature>;
  /** Replaces a feature's geometry and properties; undefined when there is no such feature. */
  replace(collectionId: string, id: number, feature: Feature): Promise<StoredFeature | undefined>;
  /** Deletes a feature; returns what was deleted, or undefined when there was none. */
  remove(collectionId: string, id: number): Promise<StoredFeature | undefined>;
  /** Inserts several collections' features with their own ids (the demo seed, the national set). */
  insertDataset(dataset: Record<string, FeatureCollection>): Promise<void>;
  /** Features whose searchable text contains `query` (folded), best first. */
  search(query: string, limit: number): Promise<SearchHit[]>;
  /** Bbox and time interval of the rows `scope` admits (the reader's row limits: filters, ids); every row without it. */
  extent(collectionId: string, scope?: Pick<ItemQuery, 'filters' | 'ids'>): Promise<Extent>;
  /** Number of features per collection. */
  counts(): Promise<Record<string, number>>;
}
