import type { CollectionDef } from '../../collections/types.ts';
import type { PropertyFilter } from '../features.ts';
import { EVERY_LINE_ZOOM, FOREIGN_LINES_FROM_ZOOM, generalisationDegrees, MAX_FEATURES_PER_TILE } from '../tile-grid.ts';
import { otherOwners, tilePropertyNames, tileReach, type TileRequest } from '../vector-tiles.ts';
import { binder } from './filter-sql.ts';
import { itemSql } from './item-sql.ts';
import { encoderGeneralised, layerSql, mvtGeometry, propertyColumns, visibleNames } from './mvt-sql.ts';

/** One set of lines a low-zoom tile draws: those `filters` admit, by the zoom rule of `zoom`. */
type Piece = { filters: readonly PropertyFilter[]; zoom: number };

/**
 * The sets of lines a low-zoom tile draws. A reader who sees some owners' rows in full and others' redacted (a
 * carrier) gets its own lines by their zoom rule and every other owner's lines of every tier alike from
 * FOREIGN_LINES_FROM_ZOOM (generalised as for EVERY_LINE_ZOOM), so neither their presence nor their merged
 * `line_count` tells another carrier's tier; as the Node builder (`node-tiles/build.ts`) chooses them.
 */
function pieces(collection: CollectionDef, { z, scope }: TileRequest): Piece[] {
  const own = scope.privateRows;
  if (!own) return [{ filters: scope.filters, zoom: z }];
  const others = z < FOREIGN_LINES_FROM_ZOOM ? [] : otherOwners(collection, own);
  return [
    { filters: [...scope.filters, own], zoom: z },
    ...others.map((owner) => ({ filters: [...scope.filters, { property: own.property, value: owner }], zoom: EVERY_LINE_ZOOM })),
  ];
}

/**
 * Lines below LOW_ZOOMS as one statement: each piece's lines whose bounding box meets the tile and its buffer, drawn
 * from the piece's zoom on (`tileMinZoom`), the lowest MAX_FEATURES_PER_TILE ids, simplified by the generalisation
 * of that zoom (`generalisationDegrees`, as the SQLite provider's generalised lines), then merged by their redacted
 * tile properties into one feature without id per group, counted in `line_count`, and generalised for the tile as
 * the Node encoder does.
 */
export function lowZoomLinesSql(collection: CollectionDef, request: TileRequest): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = binder(params);
  const names = tilePropertyNames(collection);
  const [west, south, east, north] = tileReach(request.z, request.x, request.y);
  const rule = collection.tileMinZoom;
  const chosen = pieces(collection, request).map(({ filters, zoom }) => {
    const item = itemSql(collection, { datetime: request.datetime, filters, ids: request.scope.ids }, params);
    const conditions = [
      item.where.replace(/^WHERE /, ''),
      `t.geom && ST_MakeEnvelope(${bind(west)}, ${bind(south)}, ${bind(east)}, ${bind(north)}, 4326)`,
      `t.minx <= ${bind(east)} AND t.maxx >= ${bind(west)} AND t.miny <= ${bind(north)} AND t.maxy >= ${bind(south)}`,
      ...(rule ? [`coalesce((${bind(JSON.stringify(rule.zooms))}::jsonb ->> t.${rule.property})::int, 0) <= ${bind(zoom)}`] : []),
    ].filter(Boolean);
    const columns = propertyColumns(collection, names, request.scope.redaction, bind);
    return `(SELECT ${columns.join(', ')}, ST_Simplify(t.geom, ${bind(generalisationDegrees(zoom))}::float8) AS geom
      FROM ${collection.id} AS t WHERE ${conditions.join(' AND ')} ORDER BY t.id LIMIT ${bind(MAX_FEATURES_PER_TILE)})`;
  });
  const visible = visibleNames(names, request.scope.redaction);
  const keys = (table: string) => visible.map((name) => `${table}."${name}", `).join('');
  const merged = `SELECT ${keys('g')}count(*) AS line_count, ST_Collect(g.geom) AS geom FROM (${chosen.join(' UNION ALL ')}) AS g
    ${visible.length ? `GROUP BY ${keys('g').slice(0, -2)}` : ''}`;
  const geometry = mvtGeometry(encoderGeneralised('m.geom', 'Line', request.z, bind), request, bind);
  const features = `SELECT ${keys('m')}m.line_count, ${geometry} AS geom FROM (${merged}) AS m`;
  return { text: layerSql(collection.id, features, false, bind), params };
}
