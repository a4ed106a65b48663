import type { CollectionDef } from '../collections/types.ts';
import { MEDIA } from './links.ts';
import { ERRORS, json, OPEN, AUTHENTICATED } from './openapi-parts.ts';

const op = (summary: string, operationId: string, security: object[], responses: object, extra: object = {}) => ({ summary, operationId, tags: ['Tiles'], security, ...extra, responses });

/** The tiling scheme documents (open metadata). */
export const TILE_MATRIX_SET_PATHS: Record<string, object> = {
  '/tileMatrixSets': { get: op('Tile matrix sets', 'getTileMatrixSets', OPEN, { '200': json('Tile matrix sets'), '400': ERRORS['400'] }) },
  '/tileMatrixSets/{tileMatrixSetId}': {
    get: op('A tile matrix set', 'getTileMatrixSet', OPEN, { '200': json('Tile matrix set'), '400': ERRORS['400'], '404': ERRORS['404'] }, {
      parameters: [{ name: 'tileMatrixSetId', in: 'path', required: true, schema: { type: 'string', enum: ['WebMercatorQuad'] } }],
    }),
  },
};

/** OGC API – Tiles paths of one collection with vector tiles: tileset list, tileset, TileJSON, tiles. */
export function tilePaths(collection: CollectionDef): Record<string, object> {
  const path = `/collections/${collection.id}/tiles`;
  const datetime = collection.temporalProperty ? [{ name: 'datetime', in: 'query', schema: { type: 'string' } }] : [];
  return {
    [path]: { get: op(`${collection.title}: vector tilesets`, `tilesets_${collection.id}`, AUTHENTICATED, { '200': json('Tileset list'), ...ERRORS }) },
    [`${path}/WebMercatorQuad`]: { get: op(`${collection.title}: tileset`, `tileset_${collection.id}`, AUTHENTICATED, { '200': json('Tileset metadata'), ...ERRORS }) },
    [`${path}/WebMercatorQuad/tilejson`]: { get: op(`${collection.title}: TileJSON 3.0`, `tilejson_${collection.id}`, AUTHENTICATED, { '200': json('TileJSON'), ...ERRORS }) },
    [`${path}/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}`]: {
      get: op(`${collection.title}: vector tile`, `tile_${collection.id}`, AUTHENTICATED, {
        '200': { description: 'Mapbox Vector Tile', content: { [MEDIA.mvt]: { schema: { type: 'string', format: 'binary' } } } },
        '304': { description: 'Not modified (ETag)' },
        ...ERRORS,
      }, {
        parameters: [...['tileMatrix', 'tileRow', 'tileCol'].map((name) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 0 } })), ...datetime],
      }),
    },
  };
}
