/**
 * A JSON answer's body as UTF-8 bytes, encoded once. A string body is gone through twice on its way out of
 * @hono/node-server (Buffer.byteLength for its Content-Length, then the socket's write encodes it): for a page of
 * 1,000 features (286 kB with Vietnamese text) the first was 5 % of a worker's time on the bbox read (issue 16's
 * profile). For the large answers only (items pages); small ones gain nothing.
 */
export const jsonBytes = (value: unknown): Uint8Array<ArrayBuffer> => Buffer.from(JSON.stringify(value)) as Uint8Array<ArrayBuffer>;
