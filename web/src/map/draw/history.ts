/**
 * An undo/redo history of snapshots (here: the geometry being drawn). Pure, so the editing panels and their tests
 * share one implementation: `push` after each change, `undo`/`redo` move through the stack.
 */
export type History<T> = { past: T[]; present: T; future: T[] };

export const historyOf = <T,>(present: T): History<T> => ({ past: [], present, future: [] });

export function push<T>(history: History<T>, next: T): History<T> {
  if (Object.is(next, history.present) || JSON.stringify(next) === JSON.stringify(history.present)) return history;
  return { past: [...history.past, history.present], present: next, future: [] };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}
