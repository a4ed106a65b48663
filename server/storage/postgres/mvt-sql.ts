import type { CollectionDef, GeometryKind } from '../../collections/types.ts';
import type { Redaction } from '../redaction.ts';
import { simplifyTolerance, smallestSize, TILE_BUFFER, TILE_EXTENT } from '../vector-tiles.ts';

type Bind = (value: unknown) => string;
type Tile = { z: number; x: number; y: number };

/** The width of the Web Mercator world in metres (EPSG:3857), which `vector-tiles.ts` gives its tolerances as fractions of. */
const WORLD_METRES = 2 * 20037508.342789244;

/**
 * The select list of a tile's properties from table `t`, named as the registry names them: lists joined with `;` as
 * the Node encoder joins them, and the redaction applied as `redactWith` does (properties it does not keep are NULL,
 * which a tile leaves out, except on rows of `unlessOwner`). Column names come from the registry.
 */
export function propertyColumns(collection: CollectionDef, names: readonly string[], redaction: Redaction | null, bind: Bind): string[] {
  // Bound once, when some column needs it: PostgreSQL refuses a parameter no expression uses (it cannot type it).
  let owner: string | undefined;
  return visibleNames(names, redaction).map((name) => {
    const def = collection.properties.find((property) => property.name === name)!;
    const value = def.type === 'text[]' ? `array_to_string(t.${name}, ';')` : `t.${name}`;
    if (!redaction || redaction.keep.includes(name)) return `${value} AS "${name}"`;
    owner ??= `${bind(redaction.unlessOwner)}::text`;
    return `CASE WHEN t.owner = ${owner} THEN ${value} END AS "${name}"`;
  });
}

/** Of `names`, those some row may show under the redaction: the kept ones, and the others where an owner's rows show them. */
export const visibleNames = (names: readonly string[], redaction: Redaction | null): readonly string[] =>
  !redaction || redaction.unlessOwner !== undefined ? names : names.filter((name) => redaction.keep.includes(name));

/**
 * A geometry in EPSG:3857 generalised as the Node encoder (geojson-vt) generalises it at zoom z
 * (`vector-tiles.ts`): each line shorter, or polygon whose outer ring is smaller, than the smallest size left out,
 * and the rest simplified by Douglas–Peucker at the zoom's tolerance. NULL when nothing is left.
 */
export function encoderGeneralised(geometry: string, kind: GeometryKind, z: number, bind: Bind): string {
  const projected = `ST_Transform(${geometry}, 3857)`;
  const smallest = smallestSize(z) * WORLD_METRES, tolerance = simplifyTolerance(z) * WORLD_METRES;
  if (kind === 'Point' || (smallest === 0 && tolerance === 0)) return projected;
  const size = kind === 'Line' ? 'ST_Length(d.geom)' : 'sqrt(ST_Area(ST_MakePolygon(ST_ExteriorRing(d.geom))))';
  const part = tolerance > 0 ? `ST_Simplify(d.geom, ${bind(tolerance)}::float8, true)` : 'd.geom';
  return `(SELECT ST_Collect(${part}) FROM ST_Dump(${projected}) AS d WHERE ${size} >= ${bind(smallest)}::float8)`;
}

/** A geometry (EPSG:3857) clipped to the tile and its buffer and put on its grid of TILE_EXTENT units. */
export const mvtGeometry = (geometry: string, { z, x, y }: Tile, bind: Bind): string =>
  `ST_AsMVTGeom(${geometry}, ST_TileEnvelope(${bind(z)}::int, ${bind(x)}::int, ${bind(y)}::int), ${TILE_EXTENT}, ${TILE_BUFFER}, true)`;

/**
 * The statement encoding the rows of `features` (a query with a `geom` column from `mvtGeometry`, an `id` column when
 * `withIds`, and properties) as one tile layer named `layer`; a row whose geometry left the tile is left out.
 */
export function layerSql(layer: string, features: string, withIds: boolean, bind: Bind): string {
  const name = bind(layer);
  return `SELECT coalesce(ST_AsMVT(f, ${name}::text, ${TILE_EXTENT}, 'geom'${withIds ? ", 'id'" : ''}), ''::bytea) AS tile
    FROM (${features}) AS f WHERE f.geom IS NOT NULL`;
}
