/** What the phone sends: at most 1,000,000 bytes of JPEG (the server takes up to 1 MiB), its long side ≤ 1,600 px. */
export const PHOTO_MAX_BYTES = 1_000_000;
export const PHOTO_MAX_SIDE_PIXELS = 1600;

export type ResizedPhoto = { blob: Blob; width: number; height: number };

const encode = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', quality));

/**
 * Shrinks a camera photo in the browser before it is queued or sent: scaled to `maxSidePixels` on its long side
 * (upright, from its EXIF orientation), re-encoded as JPEG at falling quality and size until it fits `maxBytes`.
 * @param file the picked or captured image
 */
export async function resizePhoto(file: Blob, maxBytes = PHOTO_MAX_BYTES, maxSidePixels = PHOTO_MAX_SIDE_PIXELS): Promise<ResizedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    let side = Math.min(maxSidePixels, Math.max(bitmap.width, bitmap.height));
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const scale = side / Math.max(bitmap.width, bitmap.height);
      const width = Math.max(1, Math.round(bitmap.width * scale)), height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      for (const quality of [0.85, 0.7, 0.55]) {
        const blob = await encode(canvas, quality);
        if (blob.size <= maxBytes) return { blob, width, height };
      }
      side = Math.round(side * 0.75);
    }
    throw new Error('the photo could not be made small enough');
  } finally {
    bitmap.close();
  }
}

/** The bytes of a blob as base64, for a JSON body. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
