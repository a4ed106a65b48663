import type { Fix } from './track-filter.ts';

const escape = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The recorded track as GPX 1.1 (https://www.topografix.com/GPX/1/1/): one track, one segment, a time per point —
 * the same file an officer's handheld GPS would upload, so coverage is measured the same way.
 */
export function trackGpx(name: string, fixes: readonly Fix[]): string {
  const points = fixes.map((fix) => `<trkpt lat="${fix.lat.toFixed(7)}" lon="${fix.lon.toFixed(7)}"><time>${new Date(fix.at).toISOString()}</time></trkpt>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="NetGuard field app" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>${escape(name)}</name><trkseg>
${points}
</trkseg></trk>
</gpx>
`;
}
