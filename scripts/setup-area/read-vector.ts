import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FeatureCollection } from 'geojson';

/**
 * Reads a vector file as lon/lat GeoJSON. GeoJSON is read as it is (RFC 7946: always WGS 84); a GeoPackage, a
 * Shapefile or anything else GDAL reads goes through `ogr2ogr` (gdal-bin) and is reprojected to EPSG:4326 on the
 * way, since official boundary files are often in VN-2000.
 * @param layer - the layer of a multi-layer file (a GeoPackage); default its first
 * @throws Error naming the file when GDAL cannot read it or it holds no features
 */
export function readVectorFile(path: string, layer?: string): FeatureCollection {
  const extension = extname(path).toLowerCase();
  let text: string;
  if (extension === '.geojson' || extension === '.json') {
    text = readFileSync(path, 'utf8');
  } else {
    try {
      text = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'RFC7946=YES', '/vsistdout/', path, ...(layer ? [layer] : [])], {
        encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(`${path}: GDAL could not read it${stderr ? ` (${stderr.split('\n')[0]})` : ''}; is gdal-bin installed?`);
    }
  }
  const parsed = JSON.parse(text) as FeatureCollection;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) throw new Error(`${path}: not a collection of features`);
  if (parsed.features.length === 0) throw new Error(`${path}: holds no features`);
  return parsed;
}
