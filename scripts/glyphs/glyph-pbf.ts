import { PbfWriter } from 'pbf';

/** One glyph of MapLibre's glyphs.proto; `bitmap` holds (width + 2·buffer) × (height + 2·buffer) bytes. */
export type GlyphRecord = { id: number; bitmap: Uint8Array; width: number; height: number; left: number; top: number; advance: number };

function writeGlyph(glyph: GlyphRecord, pbf: PbfWriter): void {
  pbf.writeVarintField(1, glyph.id);
  if (glyph.bitmap.length > 0) pbf.writeBytesField(2, glyph.bitmap);
  pbf.writeVarintField(3, glyph.width);
  pbf.writeVarintField(4, glyph.height);
  pbf.writeSVarintField(5, glyph.left);
  pbf.writeSVarintField(6, glyph.top);
  pbf.writeVarintField(7, glyph.advance);
}

type Stack = { name: string; range: string; glyphs: readonly GlyphRecord[] };

function writeStack(stack: Stack, pbf: PbfWriter): void {
  pbf.writeStringField(1, stack.name);
  pbf.writeStringField(2, stack.range);
  for (const glyph of stack.glyphs) pbf.writeMessage(3, writeGlyph, glyph);
}

/** Encodes one fontstack range as a `glyphs` message (field 1: repeated fontstack). */
export function encodeGlyphRange(name: string, start: number, end: number, glyphs: readonly GlyphRecord[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, writeStack, { name, range: `${start}-${end}`, glyphs });
  return pbf.finish();
}
