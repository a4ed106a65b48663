import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projDefinition } from '../../scripts/build-crs-definitions.ts';
import { CRS_CODES } from './crs-codes.ts';
import { CRS_DEFINITIONS } from './crs-definitions.ts';
import { crsFromUri, SUPPORTED_CRS } from './crs.ts';

/** Kon Tum places in WGS 84 lon/lat: the city, Đắk Glei in the north, Sa Thầy in the west, Kon Plông in the east. */
const PLACES = [[108.0, 14.35], [107.73, 15.08], [107.55, 14.2], [108.35, 14.65]];

/** PROJ's own cs2cs (Debian's proj-bin), an implementation independent of proj4js, from WGS 84 (lat lon input) to `code`. */
function cs2cs(code: number, places: number[][]): number[][] {
  const input = places.map(([lon, lat]) => `${lat} ${lon}`).join('\n');
  const output = execFileSync('cs2cs', ['-f', '%.10f', 'EPSG:4326', `EPSG:${code}`], { input, encoding: 'utf8' });
  return output.trim().split('\n').map((line) => line.split(/\s+/).slice(0, 2).map(Number));
}

describe('CRS definitions', () => {
  it('are PROJ’s own, as projinfo prints them today', () => {
    for (const code of CRS_CODES) expect(CRS_DEFINITIONS[code], `EPSG:${code}`).toEqual(projDefinition(code));
  });

  it.each(CRS_CODES.filter((code) => code !== 4326))('EPSG:%i agrees with PROJ’s cs2cs to a millimetre (1e-8 degrees for geographic) and back within 1e-8 degrees', (code) => {
    const crs = crsFromUri(`EPSG:${code}`)!;
    const geographic = code === 4756;
    const expected = cs2cs(code, PLACES);
    PLACES.forEach((place, index) => {
      const projected = crs.fromWgs84(place);
      // cs2cs prints VN-2000 geographic as lat lon, as EPSG:4756 orders its axes.
      const [x, y] = geographic ? [expected[index][1], expected[index][0]] : expected[index];
      const tolerance = geographic ? 1e-8 : 0.001;
      expect(Math.abs(projected[0] - x)).toBeLessThan(tolerance);
      expect(Math.abs(projected[1] - y)).toBeLessThan(tolerance);
      const back = crs.toWgs84(projected);
      expect(Math.abs(back[0] - place[0])).toBeLessThan(1e-8);
      expect(Math.abs(back[1] - place[1])).toBeLessThan(1e-8);
    });
  });

  it('VN-2000 differs from WGS 84 by the datum shift: a Kon Tum point moves by metres, not zero and not kilometres', () => {
    // The same TM-3 107°30' projection on the WGS 84 datum, without EPSG:6960's shift.
    const sameGrid = cs2cs(9216, [PLACES[0]])[0];
    const noShift = execFileSync('cs2cs', ['-f', '%.4f', ...'+proj=longlat +datum=WGS84 +to +proj=tmerc +lat_0=0 +lon_0=107.5 +k=0.9999 +x_0=500000 +y_0=0 +datum=WGS84'.split(' ')], { input: `${PLACES[0][0]} ${PLACES[0][1]}`, encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    const shift = Math.hypot(sameGrid[0] - noShift[0], sameGrid[1] - noShift[1]);
    expect(shift).toBeGreaterThan(50);
    expect(shift).toBeLessThan(500);
  });

  it('EPSG:4326 is latitude first; CRS84 longitude first', () => {
    expect(crsFromUri('http://www.opengis.net/def/crs/EPSG/0/4326')!.fromWgs84([108, 14.35])).toEqual([14.35, 108]);
    expect(crsFromUri('http://www.opengis.net/def/crs/OGC/1.3/CRS84')!.fromWgs84([108, 14.35])).toEqual([108, 14.35]);
  });

  it('names CRSs by URI, EPSG:n or [EPSG:n], and refuses unknown ones', () => {
    expect(crsFromUri('[EPSG:9216]')?.code).toBe(9216);
    expect(crsFromUri('EPSG:3405')?.uri).toBe('http://www.opengis.net/def/crs/EPSG/0/3405');
    expect(crsFromUri('EPSG:27700')).toBeUndefined();
    expect(SUPPORTED_CRS[0].uri).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
  });
});
