import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from './style.ts';
import { collectionOfSource, tiledLayer, tileSource } from './tiled.ts';
import { THEMATIC_LAYERS } from './layer-ids.ts';
import { datetimeParam } from '../api/endpoints.ts';

describe('large layers from vector tiles', () => {
  it('gives a valid style when every thematic layer is re-pointed at its collection’s tiles', () => {
    const style = buildStyle('http://127.0.0.1:8787');
    for (const collection of Object.keys(THEMATIC_LAYERS)) style.sources[`${collection}-tiles`] = tileSource(collection, 'http://127.0.0.1:8787');
    const tiledIds = new Map(Object.entries(THEMATIC_LAYERS).flatMap(([collection, ids]) => ids.map((id) => [id as string, collection])));
    style.layers = style.layers.map((layer) => (tiledIds.has(layer.id) ? tiledLayer(layer, tiledIds.get(layer.id)!) : layer));
    expect(validateStyleMin(style)).toEqual([]);
    expect((style.sources['incidents-tiles'] as { tiles: string[] }).tiles[0]).toBe('http://127.0.0.1:8787/api/collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}');
  });

  it('asks for the incident period with the tiles, as the items endpoint takes it', () => {
    const source = tileSource('incidents', 'http://127.0.0.1:8787', `datetime=${datetimeParam({ start: '2025-11-01', end: '2026-10-31' })}`) as { tiles: string[] };
    expect(source.tiles[0]).toBe('http://127.0.0.1:8787/api/collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}?datetime=2025-11-01/2026-10-31');
  });

  it('names the collection of a feature from either source', () => {
    expect(collectionOfSource('bts_sites-tiles')).toBe('bts_sites');
    expect(collectionOfSource('bts_sites')).toBe('bts_sites');
  });
});
