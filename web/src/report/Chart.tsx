import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';

export type ChartRow = { label: string; count: number; previous: number };

/** Horizontal bars of this period's counts, with a tick at the previous period's, drawn by Observable Plot. */
export function ComparisonChart({ rows, caption, testId }: { rows: ChartRow[]; caption: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = Plot.plot({
      width: 520, height: 28 * rows.length + 40, marginLeft: 170, x: { grid: true, label: null }, y: { label: null },
      style: { fontFamily: 'Noto Sans, sans-serif', fontSize: '11px' },
      marks: [
        Plot.barX(rows, { x: 'count', y: 'label', fill: '#c62828', sort: { y: '-x' } }),
        Plot.tickX(rows, { x: 'previous', y: 'label', stroke: '#263238', strokeWidth: 2 }),
        Plot.ruleX([0]),
      ],
    });
    ref.current.replaceChildren(chart);
    return () => chart.remove();
  }, [rows]);
  return <figure className="report-chart" data-testid={testId}><div ref={ref} translate="no" /><figcaption>{caption}</figcaption></figure>;
}
