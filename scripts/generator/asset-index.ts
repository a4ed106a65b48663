import type { Position } from 'geojson';
import { candidatesNear, createGridIndex } from '../../server/analysis/spatial-index/index.ts';
import type { CableDraft } from './network.ts';
import type { PointDraft } from './sites.ts';

export type AssetRef = { collection: 'cable_routes' | 'bts_sites' | 'facilities'; id: number; owner: string };
type Vertex = { route: number; index: number };

/** Metres per degree at a latitude, for comparing short distances (≤ a few km) in a local flat frame. */
function scale(lat: number): [number, number] {
  return [111_320 * Math.cos((lat * Math.PI) / 180), 110_540];
}

function segmentDistanceMeters(point: Position, a: Position, b: Position): number {
  const [kx, ky] = scale(point[1]);
  const ax = (a[0] - point[0]) * kx, ay = (a[1] - point[1]) * ky;
  const bx = (b[0] - point[0]) * kx, by = (b[1] - point[1]) * ky;
  const dx = bx - ax, dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Finds the nearest asset within a radius, to link an incident to the site, facility or cable it hit.
 * Cables are found through their vertices with a search radius wide enough for the longest demo segments.
 */
export function assetLocator(cables: CableDraft[], sites: PointDraft[], facilities: PointDraft[], radiusMeters: number) {
  const vertices: Vertex[] = cables.flatMap((cable, route) => cable.coordinates.map((_, index) => ({ route, index })));
  const vertexIndex = createGridIndex(vertices.map(({ route, index }) => cables[route].coordinates[index]), 2500);
  const pointAssets = [
    ...sites.map((site, index) => ({ ref: { collection: 'bts_sites', id: index + 1, owner: String(site.properties.owner) } as AssetRef, position: site.position })),
    ...facilities.map((facility, index) => ({ ref: { collection: 'facilities', id: index + 1, owner: String(facility.properties.owner) } as AssetRef, position: facility.position })),
  ];
  const pointIndex = createGridIndex(pointAssets.map((asset) => asset.position), radiusMeters);
  return (position: Position): AssetRef | undefined => {
    let best: { ref: AssetRef; meters: number } | undefined;
    for (const candidate of candidatesNear(pointIndex, position, radiusMeters)) {
      const asset = pointAssets[candidate];
      const meters = segmentDistanceMeters(position, asset.position, asset.position);
      if (meters <= radiusMeters && (!best || meters < best.meters)) best = { ref: asset.ref, meters };
    }
    if (best) return best.ref;
    for (const candidate of candidatesNear(vertexIndex, position, 2500)) {
      const { route, index } = vertices[candidate];
      const line = cables[route].coordinates;
      const next = line[Math.min(index + 1, line.length - 1)];
      const meters = segmentDistanceMeters(position, line[index], next);
      if (meters <= radiusMeters && (!best || meters < best.meters)) {
        best = { ref: { collection: 'cable_routes', id: route + 1, owner: String(cables[route].properties.owner) }, meters };
      }
    }
    return best?.ref;
  };
}
