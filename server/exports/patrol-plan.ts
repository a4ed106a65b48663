import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { PatrolPlan, PlanShift } from '../analysis/patrol-plan/index.ts';

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const shiftLabel = (s: PlanShift): string => `${s.unitName} – ${s.date} – ca ${s.shift}`;
const coord = (lon: number, lat: number): string => `lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}"`;

/**
 * GPX 1.1 (UTF-8): one `<wpt>` per distinct stop target, one `<rte>` per shift through its stops
 * (with arrival `<time>` in UTC), one `<trk>` per shift along the routed line.
 * @param options.name document name (`<metadata><name>`)
 */
export function planToGpx(plan: PatrolPlan, { name }: { name: string }): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<gpx version="1.1" creator="NetGuard" xmlns="http://www.topografix.com/GPX/1/1">', `<metadata><name>${xmlEscape(name)}</name></metadata>`];
  const seen = new Set<string>();
  for (const s of plan.shifts) {
    for (const stop of s.stops) {
      if (seen.has(stop.targetId)) continue;
      seen.add(stop.targetId);
      out.push(`<wpt ${coord(stop.lon, stop.lat)}><name>${xmlEscape(stop.targetName)}</name><desc>${xmlEscape(stop.targetId)}</desc></wpt>`);
    }
  }
  for (const s of plan.shifts) {
    out.push(`<rte><name>${xmlEscape(shiftLabel(s))}</name>`);
    for (const stop of s.stops) {
      const time = new Date(stop.arrival).toISOString().replace('.000Z', 'Z');
      out.push(`<rtept ${coord(stop.lon, stop.lat)}><time>${time}</time><name>${xmlEscape(`${stop.order}. ${stop.targetName}`)}</name><type>${stop.kind}</type></rtept>`);
    }
    out.push('</rte>');
  }
  for (const s of plan.shifts) {
    const points = s.route.geometry.coordinates.map(([lon, lat]) => `<trkpt ${coord(lon, lat)}/>`).join('');
    out.push(`<trk><name>${xmlEscape(shiftLabel(s))}</name><trkseg>${points}</trkseg></trk>`);
  }
  out.push('</gpx>', '');
  return out.join('\n');
}

/** Cell starts a spreadsheet reads as a formula or a control character (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one CSV cell writer of the app (every CSV it writes goes through here). RFC 4180: quoted when it holds a comma,
 * quote, CR or LF; quotes doubled; empty for null, lists joined by ';'. Text that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is neutralised as OWASP advises, with a leading `'` inside quotes, so Excel or LibreOffice
 * show it instead of running `=HYPERLINK(…)` or `=cmd|…`. Numbers are written as numbers: a negative number is not a
 * formula, and a change of −12.5 % must stay a number.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = Array.isArray(value) ? value.join(';') : String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV header of {@link planToCsv}. */
export const CSV_COLUMNS = ['unit', 'base', 'date', 'shift', 'order', 'arrival', 'target', 'kind', 'dwell_minutes', 'lon', 'lat'];

/** One row per stop; RFC 4180 (CRLF line ends, quoting), UTF-8 with a BOM so Excel reads Vietnamese. */
export function planToCsv(plan: PatrolPlan): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const s of plan.shifts) {
    for (const stop of s.stops) {
      rows.push([s.unitName, s.baseName, s.date, s.shift, stop.order, stop.arrival, stop.targetName, stop.kind, stop.dwellMinutes, stop.lon, stop.lat].map(csvField).join(','));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** FeatureCollection: each shift's route (LineString) followed by its stops (Points). */
export function planToGeoJson(plan: PatrolPlan): FeatureCollection<LineString | Point> {
  const features: Array<Feature<LineString | Point>> = [];
  for (const s of plan.shifts) {
    const shared = { unitId: s.unitId, unitName: s.unitName, baseName: s.baseName, date: s.date, shift: s.shift };
    features.push({ type: 'Feature', properties: { ...shared, featureType: 'route', minutes: s.minutes, distanceMeters: s.distanceMeters, stops: s.stops.length }, geometry: s.route.geometry });
    for (const stop of s.stops) {
      const { lon, lat, ...rest } = stop;
      features.push({ type: 'Feature', properties: { ...shared, featureType: 'stop', ...rest }, geometry: { type: 'Point', coordinates: [lon, lat] } });
    }
  }
  return { type: 'FeatureCollection', features };
}
