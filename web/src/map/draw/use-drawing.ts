import { useEffect, useMemo, useState } from 'react';
import type { Geometry } from 'geojson';
import type { DrawingRequest } from '../MapView.tsx';
import type { DrawKind } from './terra.ts';
import { historyOf, push, redo, undo } from './history.ts';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A drawing session with undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y outside form fields). Hand
 * `request` to the map; `geometry` is what the form will save.
 * @param sessionKey changes when a different feature is being edited, which restarts the history
 */
export function useDrawing(kind: DrawKind, initial: Geometry | null, sessionKey: string) {
  const [history, setHistory] = useState(() => historyOf(initial));
  const [key, setKey] = useState(sessionKey);
  if (key !== sessionKey) {
    setKey(sessionKey);
    setHistory(historyOf(initial));
  }
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) setHistory(undo);
      else if ((key === 'z' && event.shiftKey) || key === 'y') setHistory(redo);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const request = useMemo<DrawingRequest>(
    () => ({ sessionKey, kind, geometry: history.present, onGeometry: (geometry) => setHistory((current) => push(current, geometry)) }),
    [sessionKey, kind, history.present],
  );
  return {
    request,
    geometry: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    /** Removes the drawn geometry (undoable) so the user can draw again. */
    clear: () => setHistory((current) => push(current, null)),
  };
}
