import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from './style.ts';
import { LAYER_IDS, SOURCE_IDS, THEMATIC_LAYERS } from './layer-ids.ts';
import { cableColour, legendEntries, matchProperty, SYMBOLOGY } from './symbology.ts';
import { iconSpecs } from './icons.ts';
import { printStyle } from './print-style.ts';

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

  it('keeps Viettel warm (its brand is red) and VNPT blue', () => {
    expect(SYMBOLOGY.ownerColours.viettel).toBe('#d55e00');
    expect(SYMBOLOGY.ownerColours.vnpt).toBe('#0072b2');
  });

  it('lists legend entries in config order', () => {
    expect(legendEntries({ a: '#000', b: '#fff' })).toEqual([{ code: 'a', colour: '#000' }, { code: 'b', colour: '#fff' }]);
  });
});

/**
 * Colour-vision deficiency simulation matrices of Machado, Oliveira & Fernandes (2009), severity 1.0, applied in
 * linear sRGB — a published reference, not derived from the palette — and CIE L*a*b* distances (D65).
 */
const SIMULATIONS: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const linear = (channel: number) => { const c = channel / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
function lab(hex: string, matrix: number[][]): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
  const [r, g, b] = matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const x = 0.4124 * r + 0.3576 * g + 0.1805 * b, y = 0.2126 * r + 0.7152 * g + 0.0722 * b, z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

describe('carrier colours for colour-blind readers', () => {
  const colours = Object.entries(SYMBOLOGY.ownerColours);
  for (const [vision, matrix] of Object.entries(SIMULATIONS)) {
    it(`every two carriers stay at least ΔE 15 apart with ${vision}`, () => {
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const [a, b] = [lab(colours[i][1], matrix), lab(colours[j][1], matrix)];
          const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
          expect(distance, `${colours[i][0]} / ${colours[j][0]}`).toBeGreaterThanOrEqual(15);
        }
      }
    });
  }
});

/** Every literal an icon-image expression can produce: the strings of concat/match/case outputs, combined. */
function iconImages(expression: unknown): string[] {
  if (typeof expression === 'string') return [expression];
  if (!Array.isArray(expression)) return [];
  const [op, ...args] = expression as [string, ...unknown[]];
  if (op === 'concat') return args.map(iconImages).reduce((acc, parts) => acc.flatMap((left) => parts.map((right) => left + right)), ['']);
  if (op === 'match') {
    const outputs = args.slice(1).filter((_, index, list) => index % 2 === 1 || index === list.length - 1);
    const labels = args.slice(1).filter((_, index, list) => index % 2 === 0 && index !== list.length - 1).flat() as string[];
    // ['match', ['get', p], [codes], ['get', p], fallback] passes known codes through.
    return [...outputs.flatMap((output) => (Array.isArray(output) && output[0] === 'get' ? labels : iconImages(output)))];
  }
  if (op === 'case') return args.filter((_, index) => index % 2 === 1 || index === args.length - 1).flatMap(iconImages);
  return [];
}

describe('symbols', () => {
  const style = buildStyle('http://127.0.0.1:8787');
  const sprite = new Set(iconSpecs().map((icon) => icon.id));

  it('every icon a layer can ask for is in the sprite, and every point layer has its own shape', () => {
    const shapes = new Map<string, Set<string>>();
    for (const layer of style.layers) {
      const image = layer.type === 'symbol' ? layer.layout?.['icon-image'] : undefined;
      if (image === undefined) continue;
      const names = iconImages(image);
      expect(names.length, layer.id).toBeGreaterThan(0);
      for (const name of names) expect(sprite.has(name), `${layer.id}: ${name}`).toBe(true);
      shapes.set(layer.id, new Set(names.map((name) => iconSpecs().find((icon) => icon.id === name)!.shape)));
    }
    const [bts, facility, incident, dealer, police] = [LAYER_IDS.btsPoint, LAYER_IDS.facilityPoint, LAYER_IDS.incidentPoint, LAYER_IDS.scrapDealerPoint, LAYER_IDS.policeStationPoint].map((id) => [...shapes.get(id)!]);
    expect([bts, facility, incident, dealer, police]).toEqual([['circle'], ['square'], ['triangle'], ['diamond'], ['shield']]);
  });

  it('labels sites, facilities and cable routes only at deep zoom', () => {
    for (const id of [LAYER_IDS.btsLabel, LAYER_IDS.facilityLabel, LAYER_IDS.cableRouteLabel]) {
      expect(style.layers.find((layer) => layer.id === id)?.minzoom, id).toBeGreaterThanOrEqual(13);
    }
  });

  it('draws every Gi* class −3…3 as a fill, with no layer drawing points on the hexagons', () => {
    expect(Object.keys(SYMBOLOGY.giColours).sort()).toEqual(['-1', '-2', '-3', '0', '1', '2', '3']);
    const onCells = style.layers.filter((layer) => 'source' in layer && (layer.source === SOURCE_IDS.analysisCells || layer.source === SOURCE_IDS.analysisTrends));
    expect(onCells.map((layer) => layer.type).sort()).toEqual(['fill', 'line']);
    const cellFill = style.layers.find((layer) => layer.id === LAYER_IDS.analysisCellFill)!;
    expect('filter' in cellFill && cellFill.filter).toBeFalsy();
  });

  it('the print style is valid, on white, and leaves out what only means something on screen', () => {
    const print = printStyle('http://127.0.0.1:8787');
    expect(validateStyleMin(print)).toEqual([]);
    const ids = print.layers.map((layer) => layer.id);
    expect(ids).not.toContain(LAYER_IDS.selectionPoint);
    expect(ids).not.toContain(LAYER_IDS.registerRing);
    expect(ids).toContain(LAYER_IDS.planStopPoint);
  });
});
