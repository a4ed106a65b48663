import type { MiddlewareHandler } from 'hono';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';

// zlib's callback forms run on libuv's thread pool: compressing a large export never stalls the other requests.
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Media types worth compressing: text and JSON of every kind, XML, CSV and vector tiles (protobuf compresses ~3×). */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|geo\+json|schema\+json|xml|javascript|vnd\.oai\.openapi\+json|vnd\.google-earth\.kml\+xml|vnd\.mapbox-vector-tile|vnd\.mapbox\.tile\+json|x-protobuf|merge-patch\+json)|image\/svg)/;

/** The encodings a request accepts (`br`, `gzip`), by RFC 9110's Accept-Encoding, `q=0` meaning refused. */
function accepted(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** Bytes of a body read before it counts as a stream (a streamed export): it is then compressed as it comes. */
const STREAM_AFTER_BYTES = 1 << 20;

/**
 * The body's bytes if it ends within STREAM_AFTER_BYTES or in one piece (a body given whole), else null and the
 * bytes read so far, the rest still in `reader`.
 */
async function readWhole(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ whole: Buffer<ArrayBuffer> | null; head: Uint8Array[] }> {
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) return { whole: Buffer.concat(head) as Buffer<ArrayBuffer>, head };
    head.push(next.value);
    size += next.value.byteLength;
    if (size >= STREAM_AFTER_BYTES && head.length > 1) return { whole: null, head };
  }
}

/**
 * A body that keeps coming, compressed as it comes with zlib's streams (on its thread pool), so that the first bytes
 * go out before the last are made and a slow client slows the body down; cancelling the answer cancels the body.
 */
function compressedStream(head: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>, encoding: 'br' | 'gzip'): ReadableStream<Uint8Array> {
  async function* chunks() {
    try {
      yield* head;
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    } finally {
      void reader.cancel().catch(() => {});
    }
  }
  const zip = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip();
  pipeline(Readable.from(chunks()), zip).catch(() => {
    // The client went away or the body failed: the answer is already cut short; the pipeline has closed both ends.
  });
  return Readable.toWeb(zip) as ReadableStream<Uint8Array>;
}

/**
 * Compresses responses of at least `thresholdBytes` with Brotli (quality 5: most of its gain at gzip's speed) or
 * gzip, whichever the client accepts (Brotli first). A body that is still coming after its first megabyte (a streamed
 * export) is compressed as a stream. Server-Sent Events, already encoded bodies, 204/304 and small answers pass
 * untouched. `Vary: Accept-Encoding` tells caches the answer depends on it.
 */
export function compression({ thresholdBytes = 1024 }: { thresholdBytes?: number } = {}): MiddlewareHandler {
  return async function compress(c, next) {
    await next();
    const response = c.res;
    const type = response.headers.get('Content-Type') ?? '';
    if (c.req.method === 'HEAD' || !response.body || response.status === 204 || response.status === 304 || response.headers.has('Content-Encoding') || !COMPRESSIBLE.test(type)) return;
    const encodings = accepted(c.req.header('Accept-Encoding'));
    const encoding = encodings.has('br') ? 'br' : encodings.has('gzip') || encodings.has('x-gzip') ? 'gzip' : null;
    response.headers.append('Vary', 'Accept-Encoding');
    if (!encoding) return;
    const reader = response.body.getReader();
    const { whole: body, head } = await readWhole(reader);
    const headers = new Headers(response.headers);
    if (body && body.byteLength < thresholdBytes) {
      c.res = new Response(body, { status: response.status, headers });
      return;
    }
    const compressed = !body
      ? compressedStream(head, reader, encoding)
      : encoding === 'br' ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : await gzipped(body);
    headers.set('Content-Encoding', encoding);
    headers.delete('Content-Length');
    // Hono copies the replaced response's headers onto the new one: a static file's Content-Length (its uncompressed
    // size) would survive and make clients wait for bytes that never come — a service worker's install hangs on it.
    response.headers.delete('Content-Length');
    // A strong validator names one representation; the compressed one is another (RFC 9110 §8.8.3).
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    c.res = new Response(compressed, { status: response.status, headers });
  };
}
