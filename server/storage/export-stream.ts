import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import type { ExportEncoder, ExportStreamOptions, FeatureEncoder, StoredFeature } from './features.ts';

/** Features per batch: a few hundred kilobytes of GeoJSON, so a stream holds a few batches and never a whole layer. */
const BATCH = 500;
/** Default NETGUARD_EXPORT_STALL_MS: how long a stream waits for its client to take a chunk before it gives up. */
export const STALL_MS = 60_000;

/** What the reading side sends: a chunk of the file and the features read so far, or the end. */
type Sent = { chunk: Uint8Array; count: number } | { end: true };
/** What the receiving side sends: leave to send one more chunk, or stop. */
type Granted = { credit: 1 } | { cancel: true };
export type ExportSummary = { count: number; complete: boolean };

const encoders = new Map<string, Promise<(options: unknown) => FeatureEncoder>>();

/** The encoder an export names, its module loaded once per thread (storage imports no capability itself). */
export async function loadEncoder(encoder: ExportEncoder): Promise<FeatureEncoder> {
  let create = encoders.get(encoder.module);
  if (!create) {
    create = (tsImport(encoder.module, import.meta.url) as Promise<{ createEncoder: (options: unknown) => FeatureEncoder }>).then((loaded) => loaded.createEncoder);
    encoders.set(encoder.module, create);
  }
  return (await create)(encoder.options);
}

/** Runs one batch's reading: a provider's bound on it (SQLite: the spatial filter's budget), or just the reading. */
type BatchBound = <T>(read: () => T) => T;

/**
 * Where a streamed export reads its features: `read(size)` gives the next `size` (fewer only at the end, an empty
 * batch after it), `close()` frees what the reading holds (a cursor, a connection), whether it got to the end or not.
 * A read may be asynchronous: a PostgreSQL cursor fetches each batch from the server only when it is asked for one.
 */
export type FeatureBatches = {
  read(size: number): StoredFeature[] | Promise<StoredFeature[]>;
  close(): void | Promise<void>;
};

/** The batches of an iterator (SQLite's cursor, or features already read), each batch's reading within `bound`. */
export function batchesOf(features: Iterator<StoredFeature>, bound: BatchBound = (read) => read()): FeatureBatches {
  return {
    read: (size) => bound(() => {
      const read: StoredFeature[] = [];
      while (read.length < size) {
        const next = features.next();
        if (next.done) break;
        read.push(next.value);
      }
      return read;
    }),
    close: () => void features.return?.(),
  };
}

/**
 * The reading side of a streamed export, for every provider: reads `batches` one at a time, encodes them and posts
 * the text on `port` as bytes, one chunk per credit the receiving side granted, so the cursor waits while the client
 * is slow: at most one batch is read ahead of what the receiving side asked for. Stops when the receiving side
 * cancels or closes its port; the batches are closed either way. An encoder that writes nothing (a file of its own)
 * reads on without credits, yielding between batches so that a cancel is heard.
 */
export async function sendExport(batches: FeatureBatches, encoder: FeatureEncoder, port: MessagePort): Promise<ExportSummary> {
  let credits = 0;
  let cancelled = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    cancelled = true;
    wake?.();
  };
  port.on('message', (message: Granted) => {
    if ('cancel' in message) cancelled = true;
    else credits += message.credit;
    wake?.();
  });
  // A receiving side that went away without a word must not leave the cursor waiting for a credit for ever.
  port.once('close', stop);
  const waitForCredit = async () => {
    while (credits === 0 && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
  };
  let count = 0;
  let complete = false;
  try {
    while (!cancelled) {
      const batch = await batches.read(BATCH);
      count += batch.length;
      const last = batch.length < BATCH;
      const text = encoder.write(batch) + (last ? encoder.end() : '');
      complete = last;
      if (text === '') await new Promise((resolve) => setImmediate(resolve));
      else {
        await waitForCredit();
        if (cancelled) break;
        credits -= 1;
        const chunk = new TextEncoder().encode(text);
        port.postMessage({ chunk, count } satisfies Sent, [chunk.buffer]);
      }
      if (last) {
        port.postMessage({ end: true } satisfies Sent);
        break;
      }
    }
    return { count, complete };
  } finally {
    port.off('close', stop);
    await batches.close();
    if (!complete) encoder.abort?.();
    port.close();
  }
}

/**
 * The receiving side: the export as a byte stream that grants the reading side one credit each time it wants a
 * chunk (up to two chunks wait in it), so no more than a few batches are ever in memory. Cancelling the stream
 * cancels the read. A stream left unread for `stallMs` (a client that stopped reading but kept the connection) is
 * cancelled and fails. `reading` is the reading side's job: its failure fails the stream. `onEnd` is awaited before
 * the stream ends, complete or cancelled.
 */
export function receiveExport(port: MessagePort, reading: Promise<unknown>, options: ExportStreamOptions = {}): ReadableStream<Uint8Array> {
  const inbox: (Sent | { error: unknown })[] = [];
  let arrived: (() => void) | undefined;
  const deliver = (message: Sent | { error: unknown }) => {
    inbox.push(message);
    arrived?.();
  };
  port.on('message', deliver);
  reading.catch((error: unknown) => deliver({ error }));
  const next = async () => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    return inbox.shift()!;
  };
  let count = 0;
  let stall: NodeJS.Timeout | undefined;
  let ended = false;
  const end = async (complete: boolean) => {
    clearTimeout(stall);
    if (ended) return;
    ended = true;
    port.close();
    await options.onEnd?.({ count, complete });
  };
  const cancel = async () => {
    port.postMessage({ cancel: true } satisfies Granted);
    await end(false);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      clearTimeout(stall);
      port.postMessage({ credit: 1 } satisfies Granted);
      const message = await next();
      if ('error' in message) {
        await end(false);
        controller.error(message.error);
      } else if ('end' in message) {
        await end(true);
        controller.close();
      } else {
        count = message.count;
        controller.enqueue(message.chunk);
        if ((controller.desiredSize ?? 0) <= 0) {
          stall = setTimeout(() => {
            void cancel();
            controller.error(new Error(`the client took no data for ${options.stallMs ?? STALL_MS} ms; the export was stopped`));
          }, options.stallMs ?? STALL_MS);
        }
      }
    },
    cancel,
  }, { highWaterMark: 2 });
}

/**
 * An export encoded on this thread (a provider without export threads: SQLite in memory, and PostgreSQL, whose
 * cursor waits on the database server rather than on this thread): the same encoder, batches and stream as a
 * threaded export, over a channel within the thread.
 */
export function streamHere(batches: FeatureBatches, encoder: ExportEncoder, options?: ExportStreamOptions): ReadableStream<Uint8Array> {
  const { port1, port2 } = new MessageChannel();
  const reading = loadEncoder(encoder).then(
    (encode) => sendExport(batches, encode, port2),
    async (error: unknown) => {
      await batches.close();
      throw error;
    },
  );
  return receiveExport(port1, reading, options);
}
