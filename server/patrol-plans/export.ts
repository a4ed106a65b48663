import { planToCsv, planToGeoJson, planToGpx } from '../exports/patrol-plan.ts';
import type { PatrolPlan } from '../analysis/patrol-plan/index.ts';
import { InvalidParameter } from '../errors.ts';
import type { SavedPlan } from '../storage/patrol-plans.ts';

export const EXPORT_FORMATS = ['gpx', 'csv', 'geojson'] as const;

/** A saved plan as a downloadable file; the file name is ASCII so every browser keeps it. */
export function planExport(saved: SavedPlan, format: string | null): { content: string; mediaType: string; fileName: string } {
  const plan = saved.body as unknown as PatrolPlan;
  const base = `netguard-patrol-plan-${saved.startDate}-${saved.id.slice(0, 8)}`;
  switch (format) {
    case 'gpx':
      return { content: planToGpx(plan, { name: saved.name }), mediaType: 'application/gpx+xml; charset=utf-8', fileName: `${base}.gpx` };
    case 'csv':
      return { content: planToCsv(plan), mediaType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
    case 'geojson':
      return { content: JSON.stringify(planToGeoJson(plan)), mediaType: 'application/geo+json', fileName: `${base}.geojson` };
    default:
      throw new InvalidParameter('format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
}
