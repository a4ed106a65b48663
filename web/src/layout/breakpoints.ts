import { useSyncExternalStore } from 'react';

/**
 * Phones: narrower than a tablet in portrait, or too low for side panels (a phone held sideways). The same
 * conditions are written out in app.css (`@media (max-width: 767px), (max-height: 500px)`); keep them in step.
 */
export const COMPACT_QUERY = '(max-width: 767px), (max-height: 500px)';
/** A phone held sideways: panels go to the side instead of the bottom. */
export const COMPACT_LANDSCAPE_QUERY = '(max-height: 500px) and (orientation: landscape)';

function subscribe(query: string) {
  return (onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

/** Whether a media query matches now; re-renders when it starts or stops matching (rotation, resize). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(subscribe(query), () => window.matchMedia(query).matches, () => false);
}

export type Layout = 'desktop' | 'portrait' | 'landscape';

/** The layout the screen calls for: side panels on desktops and tablets, bottom sheets on phones, side sheets on phones held sideways. */
export function useLayout(): Layout {
  const compact = useMediaQuery(COMPACT_QUERY);
  const landscape = useMediaQuery(COMPACT_LANDSCAPE_QUERY);
  return !compact ? 'desktop' : landscape ? 'landscape' : 'portrait';
}
