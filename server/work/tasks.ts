import { drawnInventoryArea } from '../inventory/area.ts';
import { tallyAreaFor } from '../inventory/tally.ts';

/**
 * The pure computations the work pool runs off the event loop, by name (issue 13). Each takes plain data that the
 * main thread read from the store, and returns plain data: no database and no HTTP here, so the same tasks serve
 * SQLite, an in-memory test database and an asynchronous PostgreSQL store, and a job can be cut off at any point.
 */
export const TASKS = {
  inventoryArea: drawnInventoryArea,
  inventoryTally: tallyAreaFor,
};

export type AppTasks = typeof TASKS;
