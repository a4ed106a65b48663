import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from './style.ts';
import { LAYER_IDS, SOURCE_IDS, THEMATIC_LAYERS } from './layer-ids.ts';
import { cableColour, legendEntries, matchProperty, SYMBOLOGY } from './symbology.ts';

describe('map style', () => {
  const style = buildStyle('http://127.0.0.1:8787');

  it('passes the style-spec validator without errors', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('contains every layer id of layer-ids.ts exactly once', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect([...ids].sort()).toEqual(Object.values(LAYER_IDS).sort());
  });

  it('has a source for every source id and clusters only the BTS sites', () => {
    expect(Object.keys(style.sources).sort()).toEqual(Object.values(SOURCE_IDS).sort());
    const clustered = Object.entries(style.sources).filter(([, source]) => 'cluster' in source && source.cluster);
    expect(clustered.map(([id]) => id)).toEqual([SOURCE_IDS.btsSites]);
  });

  it('uses the thematic layer keys as source ids', () => {
    for (const key of Object.keys(THEMATIC_LAYERS)) expect(Object.values(SOURCE_IDS)).toContain(key);
  });

  it('maps every thematic toggle to layers that exist', () => {
    const ids = new Set(style.layers.map((layer) => layer.id));
    for (const layers of Object.values(THEMATIC_LAYERS)) for (const id of layers) expect(ids.has(id)).toBe(true);
  });

  it('serves glyphs from the page origin, never from the internet', () => {
    expect(style.glyphs).toBe('http://127.0.0.1:8787/glyphs/{fontstack}/{range}.pbf');
  });
});

describe('symbology', () => {
  it('builds a match expression with a fallback', () => {
    expect(matchProperty('owner', { viettel: '#d7191c' }, '#555')).toEqual(['match', ['get', 'owner'], 'viettel', '#d7191c', '#555']);
  });

  it('paints retired cables grey before the owner colour', () => {
    expect(cableColour()[2]).toBe(SYMBOLOGY.retiredColour);
  });

  it('gives Viettel a red colour', () => {
    expect(SYMBOLOGY.ownerColours.viettel).toBe('#d7191c');
  });

  it('lists legend entries in config order', () => {
    expect(legendEntries({ a: '#000', b: '#fff' })).toEqual([{ code: 'a', colour: '#000' }, { code: 'b', colour: '#fff' }]);
  });
});
