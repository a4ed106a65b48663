// A thread of the work pool (pool.ts). Plain JavaScript, so it starts the same way under tsx, vitest and plain node:
// it loads the TypeScript task module named in workerData through tsx, then runs one job per message.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// Jobs yield the CPU to the event loop: on Linux a priority set with pid 0 applies to the calling thread only, so
// this thread runs NETGUARD_WORKER_NICE (default 10) steps nicer than the main one, which then answers cheap requests
// at once even when every core is busy with jobs. Set before the task module loads: a thread started to replace one
// stopped at its budget loads while hostile requests keep the cores busy, and must not compete with the event loop
// either. Where a thread cannot be reniced (another system, a sandbox) its jobs run at the inherited priority.
const nicer = Number(process.env.NETGUARD_WORKER_NICE ?? 10);
if (Number.isInteger(nicer) && nicer > 0) {
  try {
    setPriority(0, Math.min(19, getPriority(0) + nicer));
  } catch {
    // not permitted here: keep the inherited priority
  }
}

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
