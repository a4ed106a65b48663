/** Minimal types for the parts of opentype.js 2.0 that the glyph builder uses (the package ships none). */
declare module 'opentype.js' {
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };
  export type Path = { commands: PathCommand[] };
  export type Glyph = { index: number; advanceWidth?: number; getPath(x: number, y: number, fontSize: number): Path };
  export type Font = {
    unitsPerEm: number;
    ascender: number;
    charToGlyphIndex(char: string): number;
    charToGlyph(char: string): Glyph;
  };
  export function parse(buffer: ArrayBuffer): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
