import type { RangeResponse, Source } from 'pmtiles';

/**
 * A PMTiles archive kept whole on the phone (a Blob in IndexedDB), read by byte range like a file. The archive is
 * downloaded with one plain GET and stored, because the Cache API refuses the 206 answers of range requests.
 */
export class BlobSource implements Source {
  constructor(private readonly blob: Blob, private readonly key: string) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}
