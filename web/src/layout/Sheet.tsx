import { useCallback, useEffect, useRef, useState, type ReactNode, type PointerEvent as ReactPointerEvent } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import type { Layout } from './breakpoints.ts';
import { nextSnap, settleSnap, snapHeights, type Snap } from './snap.ts';

type SheetProps = {
  /** Shown on the handle; a sheet without one (the feature panel, which has its own heading) shows the grip only. */
  title?: string;
  layout: Layout;
  /** Which side the panel takes on a desktop or a phone held sideways. */
  side: 'start' | 'end';
  /** Snap on a phone when the sheet first opens (default `peek`). */
  initialSnap?: Snap;
  onClose?: () => void;
  /** The sheet's element, so the map can keep clear of it. */
  register: (element: HTMLElement | null) => void;
  testId: string;
  children: ReactNode;
};

const TAP_PIXELS = 6;

/** The height of the sheet's parent (the map area), kept current on resize and rotation. */
function useParentHeight(element: HTMLElement | null): number {
  const [height, setHeight] = useState(() => element?.parentElement?.clientHeight ?? window.innerHeight);
  useEffect(() => {
    const parent = element?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(() => setHeight(parent.clientHeight));
    observer.observe(parent);
    setHeight(parent.clientHeight);
    return () => observer.disconnect();
  }, [element]);
  return height;
}

/**
 * A panel over the map: on a phone a bottom sheet pulled up or down by its handle (drag, flick or tap) between
 * peek, half and full; on a desktop, or a phone held sideways, a side panel that folds to its title.
 */
export function Sheet({ title, layout, side, initialSnap = 'peek', onClose, register, testId, children }: SheetProps) {
  const { t } = useLanguage();
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [snap, setSnap] = useState<Snap>(layout === 'portrait' ? initialSnap : 'full');
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const drag = useRef<{ startY: number; startHeight: number; lastY: number; lastTime: number; velocity: number } | null>(null);
  const areaHeight = useParentHeight(element);
  const heights = snapHeights(areaHeight);
  const portrait = layout === 'portrait';
  // Turning the phone keeps the panel and what was typed in it; only how far it is open starts afresh.
  const [shownLayout, setShownLayout] = useState(layout);
  if (shownLayout !== layout) {
    setShownLayout(layout);
    setSnap(layout === 'portrait' ? initialSnap : 'full');
  }
  const setRef = useCallback((node: HTMLElement | null) => { setElement(node); register(node); }, [register]);

  const onPointerDown = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (!portrait || !element) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: element.getBoundingClientRect().height, lastY: event.clientY, lastTime: event.timeStamp, velocity: 0 };
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLButtonElement>) => {
    const state = drag.current;
    if (!state) return;
    const elapsed = Math.max(1, event.timeStamp - state.lastTime);
    state.velocity = (state.lastY - event.clientY) / elapsed;
    state.lastY = event.clientY;
    state.lastTime = event.timeStamp;
    if (Math.abs(event.clientY - state.startY) >= TAP_PIXELS) {
      setDragHeight(Math.min(heights.full, Math.max(heights.peek * 0.6, state.startHeight + state.startY - event.clientY)));
    }
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLButtonElement>) => {
    const state = drag.current;
    drag.current = null;
    setDragHeight(null);
    if (!state || Math.abs(event.clientY - state.startY) < TAP_PIXELS) return setSnap(portrait ? nextSnap(snap) : snap === 'peek' ? 'full' : 'peek');
    setSnap(settleSnap(heights, state.startHeight + state.startY - event.clientY, state.velocity));
  };

  const folded = snap === 'peek';
  const style = portrait ? { height: dragHeight ?? heights[snap] } : undefined;
  return (
    <section
      ref={setRef}
      className={`sheet sheet-${side} sheet-${layout}${dragHeight !== null ? ' sheet-dragging' : ''}`}
      data-snap={snap} data-testid={testId} style={style} aria-label={title}
    >
      <div className="sheet-head">
        <button
          type="button" className="sheet-handle" data-testid={`${testId}-handle`} aria-expanded={!folded}
          title={portrait ? t('sheetPull') : folded ? t('sheetExpand') : t('sheetCollapse')}
          onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => { drag.current = null; setDragHeight(null); }}
          onKeyDown={(event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); setSnap(portrait ? nextSnap(snap) : folded ? 'full' : 'peek'); } }}
        >
          {portrait && <span className="sheet-grip" aria-hidden="true" />}
          {title && <span className="sheet-title">{title}</span>}
          {!portrait && <span className="sheet-chevron" aria-hidden="true">{folded ? '▸' : '▾'}</span>}
        </button>
        {onClose && <button type="button" className="sheet-close" data-testid={`${testId}-close`} aria-label={t('close')} onClick={onClose}>×</button>}
      </div>
      <div className="sheet-body" hidden={folded && !portrait}>{children}</div>
    </section>
  );
}
