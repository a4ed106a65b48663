import { SYMBOLOGY } from './symbology.ts';

/** Each point layer has its own shape, so layers tell apart without colour: circle, square, triangle, diamond, shield. */
export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'shield';

/** One sprite image: a shape filled with a colour, with a white glyph from Maki (CC0) or a drawn mark. */
export type IconSpec = { id: string; shape: Shape; fill: string; glyph: string | null; mark?: 'exclamation' };

/** The Maki icon drawn on each facility kind (colour says the owner, the glyph the kind). */
export const FACILITY_GLYPHS: Readonly<Record<string, string>> = {
  exchange: 'telephone', data_centre: 'building', post_office: 'post', postal_agent: 'shop', radio_station: 'globe',
};

const owners = Object.entries(SYMBOLOGY.ownerColours);

/** Every image of the app's sprite; `scripts/build-sprite.ts` draws them and the style refers to them by id. */
export function iconSpecs(): IconSpec[] {
  return [
    ...owners.map(([owner, fill]) => ({ id: `bts-${owner}`, shape: 'circle' as const, fill, glyph: 'communications-tower' })),
    { id: 'bts-other', shape: 'circle', fill: SYMBOLOGY.ownerFallback, glyph: 'communications-tower' },
    { id: 'bts-retired', shape: 'circle', fill: SYMBOLOGY.retiredColour, glyph: 'communications-tower' },
    ...Object.entries(FACILITY_GLYPHS).flatMap(([kind, glyph]) => [
      ...owners.map(([owner, fill]) => ({ id: `facility-${kind}-${owner}`, shape: 'square' as const, fill, glyph })),
      { id: `facility-${kind}-other`, shape: 'square' as const, fill: SYMBOLOGY.ownerFallback, glyph },
    ]),
    ...Object.entries(SYMBOLOGY.incidentColours).map(([type, fill]) => ({ id: `incident-${type}`, shape: 'triangle' as const, fill, glyph: null, mark: 'exclamation' as const })),
    ...Object.entries(SYMBOLOGY.inspectionColours).map(([result, fill]) => ({ id: `dealer-${result}`, shape: 'diamond' as const, fill, glyph: 'recycling' })),
    { id: 'police-station', shape: 'shield', fill: SYMBOLOGY.policeStationColour, glyph: 'police' },
  ];
}

/** Logical size of one sprite image in CSS pixels at pixelRatio 1 (the @2x sheet doubles it). */
export const ICON_SIZE_PX = 24;

/** Icons per row of the sprite sheet. */
export const SPRITE_COLUMNS = 8;

/** Where each icon sits on the sheet at pixel ratio 1: a grid in `iconSpecs()` order (the build and the legends agree). */
export function spriteLayout(icons: readonly IconSpec[] = iconSpecs()) {
  const index = new Map(icons.map((icon, i) => [icon.id, { x: (i % SPRITE_COLUMNS) * ICON_SIZE_PX, y: Math.floor(i / SPRITE_COLUMNS) * ICON_SIZE_PX }]));
  return { index, width: SPRITE_COLUMNS * ICON_SIZE_PX, height: Math.ceil(icons.length / SPRITE_COLUMNS) * ICON_SIZE_PX };
}
