import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegSize, MAX_PHOTO_BYTES, parsePhoto } from './photo.ts';

// Written by GDAL's JPEG driver (gdal_create + gdal_translate), not by this code.
const GDAL_JPEG = readFileSync('tests/fixtures/photos/photo-40x30.jpg');

describe('photos', () => {
  it('reads the frame size of a JPEG written by GDAL', () => {
    expect(jpegSize(GDAL_JPEG)).toEqual({ width: 40, height: 30 });
    expect(parsePhoto({ mediaType: 'image/jpeg', data: GDAL_JPEG.toString('base64') })).toMatchObject({ width: 40, height: 30 });
  });

  it('refuses bytes that are not a JPEG, bad base64 and photos over 1 MB', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    expect(() => parsePhoto({ mediaType: 'image/jpeg', data: png })).toThrow(/must be a JPEG/);
    expect(() => parsePhoto({ mediaType: 'image/jpeg', data: 'not base64!' })).toThrow(/base64/);
    const huge = Buffer.concat([GDAL_JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]).toString('base64');
    expect(() => parsePhoto({ mediaType: 'image/jpeg', data: huge })).toThrow(/at most 1048576 bytes/);
  });

  it('refuses a JPEG cut off before its frame header', () => {
    expect(jpegSize(GDAL_JPEG.subarray(0, 20))).toBeUndefined();
  });
});
