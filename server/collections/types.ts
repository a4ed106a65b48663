/** Storage and API type of one feature property. `text[]` is a JSON array of strings. */
export type PropertyType = 'text' | 'integer' | 'real' | 'boolean' | 'date' | 'datetime' | 'text[]';

export type PropertyDef = {
  name: string;
  type: PropertyType;
  /** Vietnamese label, shown first in the UI. */
  titleVi: string;
  title: string;
  /** Allowed values for categorical properties. */
  values?: readonly string[];
  required?: boolean;
};

export type GeometryKind = 'Point' | 'Line' | 'Polygon';

/** One collection: a map layer, an OGC API collection and a table in the store. */
export type CollectionDef = {
  id: string;
  title: string;
  titleVi: string;
  description: string;
  /** Point → Point; Line → LineString | MultiLineString; Polygon → Polygon | MultiPolygon. */
  geometry: GeometryKind;
  properties: readonly PropertyDef[];
  /** Property that `datetime` filters on; absent when the collection is not time-stamped. */
  temporalProperty?: string;
  /** Properties whose text makes a feature findable through /api/search, most specific first. */
  searchProperties?: readonly string[];
  /**
   * A text property the low-zoom point counts are kept per value of, so that a tile filtered on it (a carrier's
   * scope of incidents) is summed from the counts too rather than read from every point.
   */
  aggregateBy?: string;
  /** What vector tiles below LOW_ZOOMS carry besides the id: the properties the map draws by. Absent: every property. */
  tileProperties?: readonly string[];
  /**
   * Cartographic generalisation of a Line collection: the zoom from which a line is drawn in vector tiles, by the
   * value of one property (from LOW_ZOOMS on, every line is drawn).
   */
  tileMinZoom?: { property: string; zooms: Readonly<Record<string, number>> };
  /** True when the features are synthetic demo data rather than real geography. */
  synthetic: boolean;
  attribution: string;
};
