import { useCallback, useEffect, useRef, useState } from 'react';
import { insetsFromRects, NO_INSETS, type Insets } from './insets.ts';

const SETTLE_MS = 100;

const same = (a: Insets, b: Insets) => a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;

/**
 * What the registered panels cover of the map container, measured from their real boxes whenever one of them or
 * the container changes size (a sheet pulled up, a panel folded, the phone rotated).
 * @returns the insets, a ref for the container and a `register` callback for each panel element
 */
export function useCoveredInsets() {
  const [insets, setInsets] = useState<Insets>(NO_INSETS);
  const container = useRef<HTMLElement | null>(null);
  const panels = useRef(new Set<HTMLElement>());
  const observer = useRef<ResizeObserver | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const measure = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      const rects = [...panels.current].filter((panel) => panel.isConnected).map((panel) => {
        const rect = panel.getBoundingClientRect();
        return { left: rect.left - box.left, top: rect.top - box.top, right: rect.right - box.left, bottom: rect.bottom - box.top };
      });
      const next = insetsFromRects({ width: box.width, height: box.height }, rects);
      setInsets((current) => (same(current, next) ? current : next));
    }, SETTLE_MS);
  }, []);

  useEffect(() => {
    observer.current = new ResizeObserver(measure);
    if (container.current) observer.current.observe(container.current);
    for (const panel of panels.current) observer.current.observe(panel);
    return () => {
      observer.current?.disconnect();
      clearTimeout(timer.current);
    };
  }, [measure]);

  const setContainer = useCallback((element: HTMLElement | null) => {
    if (container.current) observer.current?.unobserve(container.current);
    container.current = element;
    if (element) observer.current?.observe(element);
    measure();
  }, [measure]);

  const register = useCallback((element: HTMLElement | null) => {
    for (const panel of panels.current) {
      if (!panel.isConnected) {
        panels.current.delete(panel);
        observer.current?.unobserve(panel);
      }
    }
    if (element && !panels.current.has(element)) {
      panels.current.add(element);
      observer.current?.observe(element);
    }
    measure();
  }, [measure]);

  return { insets, setContainer, register };
}
