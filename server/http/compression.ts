import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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

/**
 * Compresses responses of at least `thresholdBytes` with Brotli (quality 5: most of its gain at gzip's speed) or
 * gzip, whichever the client accepts (Brotli first). Streams (Server-Sent Events), already encoded bodies, 204/304
 * and small answers pass untouched. `Vary: Accept-Encoding` tells caches the answer depends on it.
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
    const body = Buffer.from(await response.arrayBuffer());
    const headers = new Headers(response.headers);
    if (body.byteLength < thresholdBytes) {
      c.res = new Response(body, { status: response.status, headers });
      return;
    }
    const compressed = encoding === 'br' ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : await gzipped(body);
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
