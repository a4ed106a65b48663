import { useCallback, useState } from 'react';

/** Positions worse than this get the pin placed but a warning to drag it to the exact place. */
export const GOOD_ACCURACY_METERS = 100;

export type LocateResult =
  | { state: 'idle' }
  | { state: 'locating' }
  | { state: 'located'; at: [number, number]; accuracyMeters: number }
  | { state: 'failed'; reason: 'denied' | 'unavailable' | 'unsupported' };

/**
 * One "use my location" request: the phone's best position (GPS when it has one), failing with a reason a person
 * can act on — refused, no fix in time, or no geolocation in this browser.
 */
export function useLocate() {
  const [result, setResult] = useState<LocateResult>({ state: 'idle' });
  const locate = useCallback((): Promise<LocateResult> => new Promise((resolve) => {
    const finish = (next: LocateResult) => { setResult(next); resolve(next); };
    if (!('geolocation' in navigator)) return finish({ state: 'failed', reason: 'unsupported' });
    setResult({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => finish({ state: 'located', at: [position.coords.longitude, position.coords.latitude], accuracyMeters: position.coords.accuracy }),
      (error) => finish({ state: 'failed', reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      // A fresh fix each time: a citizen who taps again after a rough answer (or after walking) wants a new one.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  }), []);
  return { result, locate };
}
