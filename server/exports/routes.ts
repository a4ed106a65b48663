import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { requireReadScope, scopedQuery } from '../auth/access.ts';
import { SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import { InvalidParameter, NotFound } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { parseItemOutput, parseItemQuery } from '../ogc/params.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { EXPORT_FILES, EXPORT_FORMATS, WGS84_ONLY, type ExportFormat, type ExportOptions } from './collection.ts';

export const EXPORT_RULES: RouteRule[] = [rule('GET', '/api/collections/:collectionId/export', SIGNED_IN)];

const ENCODER = new URL('./collection.ts', import.meta.url).href;

/** `stream` once its first chunk is read: a failure before the first byte throws here, to be answered as JSON. */
async function started(stream: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  const first = await reader.read();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start: (controller) => (first.done ? controller.close() : controller.enqueue(first.value)),
    async pull(controller) {
      try {
        const next = await reader.read();
        if (cancelled) return;
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        if (cancelled) return;
        // Past the first byte the status is sent: the client sees the download cut short, the log says why.
        console.error('an export stopped before its end:', error);
        controller.error(error);
      }
    },
    cancel(reason) {
      cancelled = true;
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}

/** Reads an encoder's empty stream to its end (its file is then whole); a request aborted meanwhile cancels it. */
async function finished(stream: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  const reader = stream.getReader();
  const stop = () => void reader.cancel(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  try {
    while (!(await reader.read()).done) { /* a file encoder sends nothing */ }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) throw new Error('the client went away before the file was written');
}

/**
 * `GET /api/collections/{id}/export?format=geojson|csv|kml|gpkg[&crs=…][&properties=…]&…`: every feature matching
 * the items endpoint's filters (bbox, datetime, CQL2 filter, property filters, sortby), with the same read scope — rows
 * a role may not read are absent and trimmed properties stay trimmed — as a file GIS tools and spreadsheets open.
 * GeoJSON, CSV and KML stream as they are read (`FeatureStore.exportStream`, encoded where the store reads, with
 * back-pressure: a slow client pauses the read, one that goes away stops it). A GeoPackage is written to a temporary
 * file the same way, then streamed from disk; the file is removed once sent or when the client goes away. Each export
 * is audited when it ends, with the number of features read and whether it was complete.
 */
export function exportRoutes(services: Services) {
  const { storage, now } = services;
  return new Hono<AppEnv>().get('/:collectionId/export', async (c) => {
    const collection = findCollection(c.req.param('collectionId'));
    if (!collection) throw new NotFound(`collection "${c.req.param('collectionId')}" does not exist`);
    const search = new URL(c.req.url).searchParams;
    const format = search.get('format') as ExportFormat | null;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new InvalidParameter('format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    search.delete('format');
    for (const paging of ['limit', 'offset']) if (search.has(paging)) throw new InvalidParameter(paging, 'an export holds every match; limit and offset do not apply');
    const output = parseItemOutput(collection, search);
    if (output.skipGeometry) throw new InvalidParameter('skipGeometry', 'an export carries geometry');
    if (output.crs.code !== null && WGS84_ONLY.includes(format)) throw new InvalidParameter('crs', `${format} is always WGS 84 longitude/latitude`);
    const principal = c.get('principal');
    const scope = await requireReadScope(principal, collection, storage.features);
    // limit and offset do not apply to an export: it holds every match.
    const query = scopedQuery(scope, { ...parseItemQuery(collection, search), limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    const actor = actorOf(c);
    const onEnd = ({ count, complete }: { count: number; complete: boolean }) =>
      auditRead(services, actor, { action: 'export', targetType: collection.id, details: { format, query: search.toString(), count, complete } });
    const options: ExportOptions = { collectionId: collection.id, redaction: scope.redaction, properties: output.properties, format, now: now().toISOString(), crs: output.crs.uri };
    const { mediaType, extension } = EXPORT_FILES[format];
    const headers = { 'Content-Type': mediaType, 'Content-Disposition': `attachment; filename="${collection.id}-${now().toISOString().slice(0, 10)}.${extension}"` };
    if (format !== 'gpkg') {
      const stream = await storage.features.exportStream(collection.id, query, { module: ENCODER, options }, { onEnd });
      return c.body(await started(stream), 200, headers);
    }
    const directory = await mkdtemp(join(tmpdir(), 'netguard-export-'));
    const remove = () => rm(directory, { recursive: true, force: true });
    try {
      const path = join(directory, `${collection.id}.gpkg`);
      await finished(await storage.features.exportStream(collection.id, query, { module: ENCODER, options: { ...options, path } }, { onEnd }), c.req.raw.signal);
      const { size } = await stat(path);
      const file = createReadStream(path);
      file.once('close', () => void remove());
      return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 200, { ...headers, 'Content-Length': String(size) });
    } catch (error) {
      await remove();
      throw error;
    }
  });
}
