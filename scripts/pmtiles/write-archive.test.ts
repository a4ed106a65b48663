import { gzipSync } from 'node:zlib';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseGeography } from '../generator/index.ts';
import { tileOfPosition } from '../../server/geometry/web-mercator.ts';
import { basemapArchive, BASEMAP_ZOOMS } from './basemap-archive.ts';
import { writeArchive, type ArchiveTile } from './write-archive.ts';

/** The archive as the pmtiles reader sees a file: byte ranges of one buffer. */
class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array, private readonly key = 'test') {}
  getKey = () => this.key;
  getBytes = async (offset: number, length: number): Promise<RangeResponse> => {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  };
}
const read = (bytes: Uint8Array) => new PMTiles(new BufferSource(bytes));
const tile = (z: number, x: number, y: number, text: string): ArchiveTile => ({ z, x, y, data: gzipSync(Buffer.from(text)) });
const options = { bounds: [107.33, 13.9, 108.55, 15.42] as [number, number, number, number], center: [107.9, 14.6, 8] as [number, number, number], metadata: { name: 'test' } };

describe('PMTiles archives, read back by the pmtiles library', () => {
  it('holds every tile at its z/x/y with the header, bounds and metadata it was given', async () => {
    const archive = read(writeArchive([tile(0, 0, 0, 'a'), tile(5, 25, 14, 'b'), tile(5, 26, 14, 'c')], options));
    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 5, tileType: 1, numAddressedTiles: 3, clustered: true });
    expect(header.minLon).toBeCloseTo(107.33, 6);
    expect(header.maxLat).toBeCloseTo(15.42, 6);
    expect(await archive.getMetadata()).toEqual({ name: 'test' });
    for (const [z, x, y, text] of [[0, 0, 0, 'a'], [5, 25, 14, 'b'], [5, 26, 14, 'c']] as const) {
      expect(Buffer.from((await archive.getZxy(z, x, y))!.data).toString()).toBe(text);
    }
    expect(await archive.getZxy(5, 27, 14)).toBeUndefined();
  });

  it('stores identical tiles once and runs of them as one entry', async () => {
    const same = Array.from({ length: 16 }, (_, index) => tile(4, index % 4, Math.floor(index / 4), 'same'));
    const bytes = writeArchive([...same, tile(4, 9, 9, 'other')], options);
    const header = await read(bytes).getHeader();
    expect(header.numAddressedTiles).toBe(17);
    expect(header.numTileContents).toBe(2);
    expect(header.numTileEntries).toBeLessThan(17);
    expect(Buffer.from((await read(bytes).getZxy(4, 3, 3))!.data).toString()).toBe('same');
  });

  it('moves the directory into leaves when it does not fit the root, and still finds every tile', async () => {
    const tiles = Array.from({ length: 3000 }, (_, index) => tile(12, 3200 + (index % 60), 1700 + Math.floor(index / 60), `t${index}`));
    const archive = read(writeArchive(tiles, { ...options, rootBytes: 64 }));
    expect((await archive.getHeader()).leafDirectoryLength).toBeGreaterThan(0);
    for (const index of [0, 1234, 2999]) expect(Buffer.from((await archive.getZxy(12, 3200 + (index % 60), 1700 + Math.floor(index / 60)))!.data).toString()).toBe(`t${index}`);
  });
});

describe('the province basemap archive', () => {
  let bytes: Uint8Array;
  let province: Feature<Polygon | MultiPolygon>;
  beforeAll(() => {
    const base = baseGeography();
    bytes = basemapArchive({ admin_areas: base.admin_areas, roads: base.roads });
    province = base.admin_areas.features.find((feature) => feature.properties?.level === 'province') as Feature<Polygon | MultiPolygon>;
  });

  it('draws the city of Kon Tum at town zoom: the province, its communes and National Road 14', async () => {
    const [x, y] = tileOfPosition(108.0052, 14.3552, 12);
    const found = await read(bytes).getZxy(12, x, y);
    const decoded = new VectorTile(new PbfReader(new Uint8Array(found!.data)));
    expect(Object.keys(decoded.layers).sort()).toEqual(['admin_areas', 'roads']);
    const levels = Array.from({ length: decoded.layers.admin_areas.length }, (_, index) => decoded.layers.admin_areas.feature(index).properties.level);
    expect(levels).toContain('province');
    expect(levels).toContain('commune');
    const refs = Array.from({ length: decoded.layers.roads.length }, (_, index) => String(decoded.layers.roads.feature(index).properties.ref));
    expect(refs.some((ref) => ref.includes('QL.14'))).toBe(true);
  });

  it('covers the whole province at every zoom it holds, and is small enough for a phone (under 2 MB)', async () => {
    const header = await read(bytes).getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([BASEMAP_ZOOMS.min, BASEMAP_ZOOMS.max]);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    // Every province vertex (the outline, which the border layer draws) lies in a tile the archive holds, at every zoom.
    const ring = (province.geometry.type === 'Polygon' ? [province.geometry.coordinates] : province.geometry.coordinates).flatMap((polygon) => polygon[0]);
    for (let z = BASEMAP_ZOOMS.min; z <= BASEMAP_ZOOMS.max; z += 1) {
      for (const [lon, lat] of ring.filter((_, index) => index % 25 === 0)) {
        const [x, y] = tileOfPosition(lon, lat, z);
        expect(await read(bytes).getZxy(z, x, y), `z${z} ${lon},${lat}`).toBeDefined();
      }
    }
    expect(booleanPointInPolygon([108.0052, 14.3552], province)).toBe(true);
  });
});
