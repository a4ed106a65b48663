import { useCallback, useEffect, useState } from 'react';
import { onMapSettled, snapshotMap, snapshotNow } from './snapshot.ts';

/** Settling is often followed by another move (a fly-to's last frames, a source update): take the picture after a pause. */
const QUIET_MS = 300;
/** How long print waits for the base map before printing what is drawn. */
const PRINT_PATIENCE_MS = 5000;

/**
 * A picture of the map for a printed document, kept up to date while `ready`: retaken whenever the map settles
 * (it moved, or new data finished drawing) and when `key` changes, so the print shows what the screen shows.
 * `print()` takes it once more and opens the browser's print dialog.
 */
export function useMapSnapshot(ready: boolean, key: string) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One picture at a time: one still waiting for the base map is taken at a later idle anyway.
    let pending = false;
    const retake = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (pending) return;
        pending = true;
        void snapshotMap().then((taken) => { pending = false; if (!cancelled) setImage(taken); });
      }, QUIET_MS);
    };
    retake();
    const stop = onMapSettled(retake);
    return () => { cancelled = true; clearTimeout(timer); stop(); };
  }, [ready, key]);
  const print = useCallback(async () => {
    // A person pressed print: wait a little for the base map, not for ever.
    setImage(await Promise.race([snapshotMap(), new Promise<string | null>((resolve) => setTimeout(() => resolve(snapshotNow()), PRINT_PATIENCE_MS))]));
    // Let React put the new picture in the page before the print layout is taken.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.print();
  }, []);
  return { image, print };
}
