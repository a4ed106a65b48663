import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { ExportEncoder, ItemQuery } from '../features.ts';
import { batchesOf, loadEncoder, sendExport, type ExportSummary } from '../export-stream.ts';
import { exportFeatures } from './features.ts';
import { registerSpatialFunctions } from './spatial-functions.ts';

/**
 * What an export thread (`reader.ts`, `createExportReader`) runs: one export, from a cursor on a read-only connection
 * of its own, opened for it and closed after, so the export reads one snapshot (what was committed when it began)
 * however long its client takes, and a cancelled export leaves nothing open.
 */
export const TASKS = {
  exportFeatures: async ({ path, collectionId, query, encoder, port }: { path: string; collectionId: string; query: ItemQuery; encoder: ExportEncoder; port: MessagePort }): Promise<ExportSummary> => {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const encode = await loadEncoder(encoder);
      const budget = registerSpatialFunctions(db);
      return await sendExport(batchesOf(budget(() => exportFeatures(db, collectionId, query)), budget), encode, port);
    } finally {
      port.close();
      db.close();
    }
  },
};
