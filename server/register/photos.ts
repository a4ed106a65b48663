import { AppError } from '../errors.ts';

/** A case photo may be at most this large (a phone's JPEG at full resolution). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

const SIGNATURES: { mediaType: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { mediaType: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: 'image/png', matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  { mediaType: 'image/webp', matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

/**
 * The media type of an uploaded photo, from its own bytes (JPEG, PNG or WebP) and agreeing with the declared
 * `Content-Type`; anything else is refused with 415, so no script or HTML can be stored and served back.
 */
export function photoType(bytes: Uint8Array, declared: string): string {
  const found = SIGNATURES.find((signature) => signature.matches(bytes));
  const type = declared.split(';')[0].trim().toLowerCase();
  if (!found) throw new AppError(415, 'UnsupportedPhoto', 'a photo must be a JPEG, PNG or WebP image', { accepted: SIGNATURES.map((s) => s.mediaType) });
  if (type !== found.mediaType) throw new AppError(415, 'UnsupportedPhoto', `the file is ${found.mediaType} but was sent as ${type || 'no type'}`, { accepted: SIGNATURES.map((s) => s.mediaType) });
  return found.mediaType;
}
