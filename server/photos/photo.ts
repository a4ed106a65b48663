import { InvalidBody } from '../errors.ts';

/** Photos are resized on the phone before they are sent; anything larger is refused. */
export const MAX_PHOTO_BYTES = 1024 * 1024;
/** A photo in a JSON body: base64 of the JPEG bytes. */
export type PhotoInput = { mediaType: 'image/jpeg'; data: string };
export type Photo = { mediaType: 'image/jpeg'; width: number; height: number; bytes: Buffer };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The width and height in a JPEG's start-of-frame segment, walking the segments from the SOI marker (ITU T.81
 * B.1.1); undefined when the bytes are not a baseline, extended or progressive JPEG.
 */
export function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) { at += 1; continue; }
    const length = bytes.readUInt16BE(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * Checks a photo sent as base64: at most 1 MB of JPEG with a readable frame size.
 * @param path where the photo sits in the body, for the problem list
 */
export function parsePhoto(input: PhotoInput, path = 'photo'): Photo {
  const problem = (message: string) => new InvalidBody(`${path}: ${message}`, { problems: [{ path, message }] });
  if (!BASE64.test(input.data)) throw problem('data must be base64');
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw problem(`the photo must be at most ${MAX_PHOTO_BYTES} bytes (it is ${bytes.length})`);
  const size = jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw problem('the photo must be a JPEG image');
  return { mediaType: 'image/jpeg', ...size, bytes };
}
