import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/collections/registry.ts';
import type { PropertyDef } from '../../server/collections/types.ts';
import { candidatesNear, createGridIndex } from '../../server/analysis/spatial-index/index.ts';
import { generateDemoWithClusters, type DemoDataset, type PlantedCluster } from './index.ts';
import { serializeCollection } from './serialize.ts';

let dataset: DemoDataset;
let clusters: PlantedCluster[];
let province: Feature<Polygon | MultiPolygon>;

beforeAll(() => {
  ({ dataset, clusters } = generateDemoWithClusters({ seed: 7 }));
  province = dataset.admin_areas.features.find((f) => f.properties.level === 'province') as Feature<Polygon | MultiPolygon>;
});

const serialize = (data: DemoDataset): string => Object.values(data).map(serializeCollection).join('');
const vertices = (geometry: Feature['geometry']): Position[] => turf.coordAll(geometry as Parameters<typeof turf.coordAll>[0]);

function valueMatches(definition: PropertyDef, value: unknown): boolean {
  if (value === null) return !definition.required;
  const allowed = (item: unknown) => !definition.values || definition.values.includes(String(item));
  switch (definition.type) {
    case 'text': return typeof value === 'string' && value === value.normalize('NFC') && allowed(value);
    case 'integer': return Number.isInteger(value);
    case 'real': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value);
    case 'text[]': return Array.isArray(value) && value.length > 0 && value.every(allowed);
  }
}

describe('generateDemo', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const again = generateDemoWithClusters({ seed: 7 }).dataset;
    expect(serialize(again)).toBe(serialize(dataset));
    expect(serialize(generateDemoWithClusters({ seed: 8 }).dataset)).not.toBe(serialize(dataset));
  });

  it('gives every collection of the registry, ids 1..n and properties exactly as the registry defines them', () => {
    for (const definition of COLLECTIONS) {
      const features = dataset[definition.id as keyof DemoDataset].features;
      expect(features.length, definition.id).toBeGreaterThan(0);
      features.forEach((feature, index) => {
        expect(feature.id).toBe(index + 1);
        expect(Object.keys(feature.properties).sort()).toEqual(definition.properties.map((p) => p.name).sort());
        for (const property of definition.properties) {
          expect(valueMatches(property, feature.properties[property.name]), `${definition.id}[${index}].${property.name}=${JSON.stringify(feature.properties[property.name])}`).toBe(true);
        }
      });
    }
  });

  it('makes only valid geometries, all inside the province (vertices within 100 m of it)', () => {
    const outline = turf.polygonToLine(province) as Feature<LineString | MultiLineString>;
    for (const [id, collection] of Object.entries(dataset)) {
      if (id === 'roads' || id === 'admin_areas') continue;
      for (const feature of collection.features) {
        expect(turf.booleanValid(feature), `${id} ${feature.id}`).toBe(true);
        for (const position of vertices(feature.geometry)) {
          const inside = turf.booleanPointInPolygon(position, province);
          const near = inside || turf.pointToLineDistance(position, outline as Feature<LineString>, { units: 'meters' }) <= 100;
          expect(feature.geometry.type === 'Point' ? inside : near, `${id} ${feature.id} at ${position}`).toBe(true);
        }
      }
    }
  });

  it('lays backbone and trunk cable along the real roads: at least 95 % of their vertices lie within 50 m of a road', () => {
    const roadSegments = dataset.roads.features.flatMap((road) =>
      (road.geometry.type === 'LineString' ? [road.geometry.coordinates] : (road.geometry as MultiLineString).coordinates)
        .flatMap((line) => line.slice(1).map((end, index) => [line[index], end] as [Position, Position])));
    const index = createGridIndex(roadSegments.map(([start]) => start), 3000);
    // Access cables (spurs to communes, drops to sites, tails to exchanges) are straight legs off the road by design.
    const cableVertices = dataset.cable_routes.features.filter((feature) => feature.properties.tier !== 'access').flatMap((feature) => vertices(feature.geometry));
    const near = cableVertices.filter((position) =>
      candidatesNear(index, position, 3000).some((candidate) =>
        turf.pointToLineDistance(position, turf.lineString(roadSegments[candidate]), { units: 'meters' }) <= 50));
    expect(near.length / cableVertices.length).toBeGreaterThanOrEqual(0.95);
  });

  it('has a provincial size: ~1,500 BTS sites, ~3,000 km of cable, a few thousand incidents over three years', () => {
    expect(dataset.bts_sites.features.length).toBe(1500);
    const km = dataset.cable_routes.features.reduce((sum, feature) => sum + turf.length(feature), 0);
    expect(km).toBeGreaterThan(2700);
    expect(km).toBeLessThan(3300);
    const times = dataset.incidents.features.map((feature) => String(feature.properties.occurred_at)).sort();
    expect(times.length).toBeGreaterThan(2000);
    expect(times[0] >= '2023-11-01').toBe(true);
    expect(times[times.length - 1] < '2026-11-01').toBe(true);
    expect(dataset.incidents.features.some((feature) => feature.properties.status === 'false_alarm')).toBe(true);
    expect(new Set(dataset.cable_routes.features.map((feature) => feature.properties.owner)).size).toBe(4);
  });

  it('plants incident clusters far denser than the background', () => {
    const points = turf.featureCollection(dataset.incidents.features.map((f) => turf.point(f.geometry.type === 'Point' ? f.geometry.coordinates : [0, 0])));
    const provinceKm2 = turf.area(province) / 1e6;
    const backgroundPer2Km = (points.features.length / provinceKm2) * Math.PI * 4;
    expect(clusters.length).toBe(4);
    for (const cluster of clusters) {
      const nearby = points.features.filter((point) => turf.distance(point, cluster.centre) <= 2).length;
      expect(nearby, cluster.id).toBeGreaterThan(backgroundPer2Km * 20);
    }
  });

  it('puts on every incident, scrap dealer and police station the 2025 commune it lies in (the real commune file, read directly)', () => {
    const communes = JSON.parse(readFileSync(new URL('../../data/kontum/communes-2025.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const containing = (position: Position) => communes.features.filter((commune) => turf.booleanPointInPolygon(position, commune));
    for (const id of ['incidents', 'scrap_dealers', 'police_stations'] as const) {
      for (const feature of dataset[id].features) {
        // The communes are generalised to 100 m one by one, so neighbours overlap by slivers: a point there lies in two.
        const found = containing((feature.geometry as Point).coordinates)
          .find((commune) => commune.properties!.code === feature.properties.commune_code);
        expect(found, `${id} ${feature.id} in commune ${feature.properties.commune_code}`).toBeDefined();
        expect(feature.properties.district_code, `${id} ${feature.id}`).toBe(found!.properties!.former_district_code);
        if (id !== 'incidents') expect(feature.properties.commune_name).toBe(String(found!.properties!.name_vi).normalize('NFC'));
      }
    }
    // District police are gone: each station is named as the ward or commune police it is today.
    expect(dataset.police_stations.features.map((feature) => String(feature.properties.name)).every((name) => /^Công an (phường|xã) /u.test(name))).toBe(true);
  });

  it('gives each fibre route coils at drum joints 2–4 km apart, on the route, and a data-sheet twist; copper neither', () => {
    for (const cable of dataset.cable_routes.features) {
      const { medium, slack_points, twist_factor } = cable.properties;
      if (medium === 'copper') { expect([slack_points, twist_factor]).toEqual([null, null]); continue; }
      expect(Number(twist_factor)).toBeGreaterThanOrEqual(1);
      expect(Number(twist_factor)).toBeLessThanOrEqual(1.02);
      const coils = slack_points === null ? [] : String(slack_points).split('; ').map((pair) => pair.split(':').map(Number));
      const lengthM = turf.length(cable, { units: 'meters' });
      coils.forEach(([at, slack], index) => {
        expect(at - (index === 0 ? 0 : coils[index - 1][0])).toBeGreaterThanOrEqual(2000);
        expect(at - (index === 0 ? 0 : coils[index - 1][0])).toBeLessThanOrEqual(4000);
        expect(at).toBeLessThan(lengthM);
        expect(slack).toBeGreaterThanOrEqual(15);
        expect(slack).toBeLessThanOrEqual(30);
      });
      if (lengthM > 4200) expect(coils.length, String(cable.properties.name)).toBeGreaterThan(0);
    }
  });

  it('hangs every BTS site off its carrier: a fibre drop of its owner ends at it, or a microwave link comes from an active fibre-fed site of its owner', () => {
    const sites = dataset.bts_sites.features;
    const byCode = new Map(sites.map((site) => [site.properties.site_code, site]));
    const ownCables = (owner: unknown) => dataset.cable_routes.features.filter((cable) => cable.properties.owner === owner);
    // Each cable's bbox padded by more than 1 km, to test only the cables that could pass that close.
    const padded = new Map(dataset.cable_routes.features.map((cable) => {
      const [w, s, e, n] = turf.bbox(cable);
      return [cable.id, [w - 0.011, s - 0.011, e + 0.011, n + 0.011] as [number, number, number, number]];
    }));
    const inBox = ([x, y]: Position, id: number | string | undefined) => { const [w, s, e, n] = padded.get(id as number)!; return x >= w && x <= e && y >= s && y <= n; };
    const siteKeys = new Set(sites.map((site) => `${site.properties.owner} ${(site.geometry as GeoJSON.Point).coordinates.join(',')}`));
    const drops = new Set(dataset.cable_routes.features.filter((cable) => cable.properties.tier === 'access'
      && siteKeys.has(`${cable.properties.owner} ${(cable.geometry as LineString).coordinates.at(-1)!.join(',')}`)).map((cable) => cable.id));
    for (const site of sites) {
      const at = (site.geometry as GeoJSON.Point).coordinates;
      if (site.properties.backhaul === 'fibre') {
        const feeding = ownCables(site.properties.owner).filter((cable) => inBox(at, cable.id) && turf.pointToLineDistance(at, cable as Feature<LineString>, { units: 'meters' }) <= 1);
        expect(feeding.length, `${site.properties.site_code}`).toBeGreaterThan(0);
        expect(site.properties.backhaul_site_code).toBeNull();
      } else {
        expect(site.properties.backhaul, `${site.properties.site_code}`).toBe('microwave');
        const hub = byCode.get(site.properties.backhaul_site_code as string);
        expect(hub?.properties).toMatchObject({ owner: site.properties.owner, backhaul: 'fibre', status: 'active' });
        // Fed by microwave because no active cable of its owner passes within 1 km (drops to other sites aside).
        const near = ownCables(site.properties.owner).filter((cable) => cable.properties.status === 'active' && !drops.has(cable.id)
          && inBox(at, cable.id));
        expect(near.every((cable) => turf.pointToLineDistance(at, cable as Feature<LineString>, { units: 'kilometers' }) > 0.999), `${site.properties.site_code}`).toBe(true);
      }
    }
    expect(sites.filter((site) => site.properties.backhaul === 'fibre').length).toBeGreaterThan(sites.length / 2);
  });

  it('ends a cable of its owner at every exchange and data centre of a carrier', () => {
    for (const facility of dataset.facilities.features.filter((f) => ['exchange', 'data_centre'].includes(String(f.properties.kind)))) {
      const at = (facility.geometry as GeoJSON.Point).coordinates;
      const ending = dataset.cable_routes.features.some((cable) => cable.properties.owner === facility.properties.owner && cable.properties.status === 'active'
        && turf.pointToLineDistance(at, cable as Feature<LineString>, { units: 'meters' }) <= 1);
      expect(ending, String(facility.properties.name)).toBe(true);
    }
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => generateDemoWithClusters({ seed: 1.5 })).toThrow(/seed/);
  });
});
