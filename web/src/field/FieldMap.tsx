import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { PMTiles, Protocol } from 'pmtiles';
import { createMap } from '../map/create-map.ts';
import { useLanguage } from '../i18n/language.tsx';
import { safePadding, type Insets } from '../layout/insets.ts';
import { areaFitter, type AreaFitter } from '../map/area-fit.ts';
import { BlobSource } from './blob-source.ts';
import { fieldStyle } from './field-style.ts';

const ARCHIVE_KEY = 'netguard-kontum-basemap';
const protocol = new Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);

type FieldMapProps = {
  basemap: Blob;
  /** Source id → data; a source is updated when its object changes. */
  sources: Record<string, FeatureCollection>;
  bbox: [number, number, number, number];
  insets: Insets;
};

const size = (element: HTMLElement) => ({ width: element.clientWidth, height: element.clientHeight });

/** The field app's map, drawn entirely from what the phone keeps: the PMTiles basemap blob and the downloaded layers. */
export function FieldMap({ basemap, sources, bbox, insets }: FieldMapProps) {
  // The field app is in Vietnamese; its controls follow the language it runs in.
  const { language } = useLanguage();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const applied = useRef(new Map<string, FeatureCollection>());
  const insetsRef = useRef(insets);
  insetsRef.current = insets;
  const [loaded, setLoaded] = useState(false);
  const fitterRef = useRef<AreaFitter | null>(null);

  useEffect(() => {
    const container = containerRef.current!;
    protocol.add(new PMTiles(new BlobSource(basemap, ARCHIVE_KEY)));
    const map = createMap(container, safePadding(size(container), insetsRef.current), { bounds: bbox, language, style: fieldStyle(location.origin, `pmtiles://${ARCHIVE_KEY}`) });
    // The plan's area stays clear of the sheet as it is pulled and the phone turns, until the officer moves the map.
    fitterRef.current = areaFitter(map, container, () => insetsRef.current, bbox);
    fitterRef.current.refit();
    mapRef.current = map;
    map.on('load', () => setLoaded(true));
    return () => {
      map.remove();
      mapRef.current = null;
      fitterRef.current = null;
      applied.current.clear();
    };
    // The map is made once per downloaded area.
  }, [basemap, bbox]);

  useEffect(() => fitterRef.current?.refit(), [insets]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    for (const [id, data] of Object.entries(sources)) {
      if (applied.current.get(id) === data) continue;
      map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
      applied.current.set(id, data);
    }
  }, [loaded, sources]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
