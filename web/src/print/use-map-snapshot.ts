import { useCallback, useEffect, useState } from 'react';
import { snapshotMap } from './snapshot.ts';

/** Time for the map to take new overlay data before it is pictured (its sources update in the next render). */
const SETTLE_MS = 400;

/**
 * A picture of the map for a printed document, retaken whenever `key` changes (new data on the map) once `ready`;
 * `print()` retakes it (the user may have moved the map) and then opens the browser's print dialog.
 */
export function useMapSnapshot(ready: boolean, key: string) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const timer = setTimeout(() => void snapshotMap().then((taken) => { if (!cancelled) setImage(taken); }), SETTLE_MS);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [ready, key]);
  const print = useCallback(async () => {
    setImage(await snapshotMap());
    // Let React put the new picture in the page before the print layout is taken.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.print();
  }, []);
  return { image, print };
}
