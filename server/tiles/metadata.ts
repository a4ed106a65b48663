import type { CollectionDef } from '../collections/types.ts';
import { link, MEDIA, REL } from '../ogc/links.ts';
import { schemaDocument } from '../ogc/schema.ts';
import type { Extent } from '../storage/features.ts';

/** The deepest tile matrix served (`routes.ts` refuses deeper). */
export const MAX_ZOOM = 22;
const TMS_URI = 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad';
const WEB_MERCATOR = 'http://www.opengis.net/def/crs/EPSG/0/3857';
/** Half the Web Mercator world's width in metres (πR, R = 6 378 137 m). */
const ORIGIN = 20037508.3427892;
const GEOMETRY_DIMENSION: Record<CollectionDef['geometry'], number> = { Point: 0, Line: 1, Polygon: 2 };

/**
 * The tile matrix set document of WebMercatorQuad (OGC 17-083r4 Annex D, 256-pixel tiles, 0.28 mm pixels) in TMS
 * 2.0 JSON, carrying TMS 1.0's `identifier`, `supportedCRS`, `boundingBox` and `topLeftCorner` too: GDAL 3.6's
 * OGCAPI driver reads only those, and TMS 2.0 clients ignore members they do not know.
 */
export function webMercatorQuad() {
  return {
    id: 'WebMercatorQuad',
    identifier: 'WebMercatorQuad',
    title: 'Google Maps Compatible for the World',
    uri: TMS_URI,
    crs: WEB_MERCATOR,
    supportedCRS: WEB_MERCATOR,
    orderedAxes: ['X', 'Y'],
    wellKnownScaleSet: 'http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible',
    boundingBox: { type: 'BoundingBoxType', crs: WEB_MERCATOR, lowerCorner: [-ORIGIN, -ORIGIN], upperCorner: [ORIGIN, ORIGIN] },
    tileMatrices: Array.from({ length: MAX_ZOOM + 1 }, (_, zoom) => {
      const cellSize = (2 * ORIGIN) / 256 / 2 ** zoom;
      return {
        id: String(zoom), identifier: String(zoom), scaleDenominator: cellSize / 0.00028, cellSize, cornerOfOrigin: 'topLeft', pointOfOrigin: [-ORIGIN, ORIGIN], topLeftCorner: [-ORIGIN, ORIGIN],
        tileWidth: 256, tileHeight: 256, matrixWidth: 2 ** zoom, matrixHeight: 2 ** zoom,
      };
    }),
  };
}

export function tileMatrixSets(base: string) {
  return {
    links: [link(base, '/tileMatrixSets', 'self', MEDIA.json, 'Tile matrix sets')],
    tileMatrixSets: [{ id: 'WebMercatorQuad', title: 'Google Maps Compatible for the World', uri: TMS_URI, links: [link(base, '/tileMatrixSets/WebMercatorQuad', 'self', MEDIA.json, 'WebMercatorQuad')] }],
  };
}

const tilesPath = (collection: CollectionDef) => `/collections/${collection.id}/tiles`;
/** The URL template of a collection's tiles, OGC API – Tiles' `{tileMatrix}/{tileRow}/{tileCol}`. */
const template = (base: string, collection: CollectionDef) => `${base}${tilesPath(collection)}/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}`;

function tilesetLinks(base: string, collection: CollectionDef) {
  const path = `${tilesPath(collection)}/WebMercatorQuad`;
  return [
    link(base, path, 'self', MEDIA.json, `${collection.title}: tileset`),
    link(base, `${path}/tilejson`, 'alternate', MEDIA.tilejson, 'TileJSON 3.0'),
    link(base, '/tileMatrixSets/WebMercatorQuad', REL.tilingScheme, MEDIA.json, 'WebMercatorQuad'),
    link(base, `/collections/${collection.id}`, 'collection', MEDIA.json, collection.title),
    { rel: 'item', type: MEDIA.mvt, title: 'Mapbox Vector Tiles', href: template(base, collection), templated: true },
  ];
}

/** `/collections/{id}/tiles`: the collection's one vector tileset (OGC API – Tiles, tilesets-list). */
export function tilesetList(base: string, collection: CollectionDef) {
  return {
    links: [link(base, tilesPath(collection), 'self', MEDIA.json, `${collection.title}: vector tilesets`)],
    tilesets: [{ title: `${collection.title} (vector tiles)`, dataType: 'vector', crs: WEB_MERCATOR, tileMatrixSetURI: TMS_URI, links: tilesetLinks(base, collection) }],
  };
}

/** `/collections/{id}/tiles/WebMercatorQuad`: the tileset metadata, with its one layer and its properties' schema. */
export function tileset(base: string, collection: CollectionDef, extent: Extent) {
  const [w, s, e, n] = extent.bbox ?? [-180, -85.0511, 180, 85.0511];
  return {
    title: `${collection.title} (vector tiles)`,
    description: collection.description,
    dataType: 'vector',
    crs: WEB_MERCATOR,
    tileMatrixSetURI: TMS_URI,
    boundingBox: { lowerLeft: [w, s], upperRight: [e, n], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
    layers: [{ id: collection.id, title: collection.title, dataType: 'vector', geometryDimension: GEOMETRY_DIMENSION[collection.geometry], minTileMatrix: '0', maxTileMatrix: String(MAX_ZOOM), propertiesSchema: schemaDocument(base, collection) }],
    links: tilesetLinks(base, collection),
  };
}

/** TileJSON 3.0.0 of a collection's tiles, for MapLibre (`{ type: 'vector', url }`) and other web maps. */
export function tileJson(base: string, collection: CollectionDef, extent: Extent) {
  const bounds = extent.bbox ?? [-180, -85.0511, 180, 85.0511];
  return {
    tilejson: '3.0.0',
    name: collection.id,
    description: collection.description,
    attribution: collection.attribution,
    scheme: 'xyz',
    tiles: [`${base}${tilesPath(collection)}/WebMercatorQuad/{z}/{y}/{x}`],
    minzoom: 0,
    maxzoom: MAX_ZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 8],
    vector_layers: [{ id: collection.id, description: collection.title, minzoom: 0, maxzoom: MAX_ZOOM, fields: Object.fromEntries(collection.properties.map((property) => [property.name, property.type === 'integer' || property.type === 'real' ? 'Number' : property.type === 'boolean' ? 'Boolean' : 'String'])) }],
  };
}
