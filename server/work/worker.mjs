// A thread of the work pool (pool.ts). Plain JavaScript, so it starts the same way under tsx, vitest and plain node:
// it loads the TypeScript task module named in workerData through tsx, then runs one job per message.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { TASKS } = await tsImport(workerData.tasks, import.meta.url);

parentPort.on('message', async ({ id, task, input }) => {
  try {
    if (!Object.hasOwn(TASKS, task)) throw new Error(`unknown task ${task}`);
    parentPort.postMessage({ id, ok: true, value: await TASKS[task](input) });
  } catch (caught) {
    // AppErrors (status, code, details) cross the thread as plain data and are rebuilt on the other side.
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const { name, message, status, code, details, stack } = error;
    parentPort.postMessage({ id, ok: false, error: { name, message, status, code, details, stack } });
  }
});
parentPort.postMessage({ ready: true });
