import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Geometry } from 'geojson';
import {
  TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode, ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type DrawKind = 'Point' | 'LineString' | 'Polygon';

const MODE: Record<DrawKind, string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };
const EDITABLE = { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } };
const COLOUR = '#d81b60';

/**
 * One drawn feature at a time, on top of the map: draw it in the kind's mode, then edit it in select mode (drag
 * vertices, add them at midpoints, delete them). `onGeometry` hears every finished change.
 */
export class FeatureDrawer {
  private readonly draw: TerraDraw;
  private featureId: string | number | null = null;
  private kind: DrawKind = 'Point';
  /** True while the map is changed by the panel (undo, redo, a new session): those changes are not reported back. */
  private quiet = false;

  constructor(map: MapLibreMap, private readonly onGeometry: (geometry: Geometry | null) => void) {
    const polygonStyle = { fillColor: COLOUR, outlineColor: COLOUR, fillOpacity: 0.2, outlineWidth: 2 } as const;
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPointMode({ styles: { pointColor: COLOUR, pointWidth: 7 } }),
        new TerraDrawLineStringMode({ styles: { lineStringColor: COLOUR, lineStringWidth: 3 } }),
        // Self-crossing zones are refused by the API too; refusing them while drawing saves a round trip.
        new TerraDrawPolygonMode({ styles: polygonStyle, validation: (feature) => ValidateNotSelfIntersecting(feature) }),
        new TerraDrawSelectMode({ flags: { point: EDITABLE, linestring: EDITABLE, polygon: EDITABLE }, keyEvents: null }),
      ],
    });
    this.draw.start();
    this.draw.on('finish', (id) => {
      this.featureId = id;
      this.emit();
      // Once drawn, the feature stays selected for vertex editing.
      this.draw.setMode('select');
      this.draw.selectFeature(id);
    });
    this.draw.on('change', (ids, type) => {
      if (type === 'update' && this.featureId !== null && ids.includes(this.featureId) && this.draw.getMode() === 'select') this.emit();
    });
  }

  private emit(): void {
    if (this.quiet) return;
    const feature = this.featureId === null ? undefined : this.draw.getSnapshotFeature(this.featureId);
    this.onGeometry(feature ? (feature.geometry as Geometry) : null);
  }

  /** Starts a session: edit `geometry` when given, otherwise draw a new feature of `kind`. */
  begin(kind: DrawKind, geometry: Geometry | null): void {
    this.kind = kind;
    this.show(geometry);
  }

  /** Shows `geometry` (after undo/redo) without reporting it back; null starts drawing afresh. */
  show(geometry: Geometry | null): void {
    this.quiet = true;
    try {
      this.replaceWith(geometry);
    } finally {
      this.quiet = false;
    }
  }

  private replaceWith(geometry: Geometry | null): void {
    this.featureId = null;
    this.draw.setMode('select');
    this.draw.clear();
    if (!geometry) {
      this.draw.setMode(MODE[this.kind]);
      return;
    }
    const id = this.draw.getFeatureId();
    const feature = { id, type: 'Feature', geometry, properties: { mode: MODE[this.kind] } } as GeoJSONStoreFeatures;
    const [validation] = this.draw.addFeatures([feature]);
    if (!validation?.valid) {
      this.draw.setMode(MODE[this.kind]);
      return;
    }
    this.featureId = id;
    this.draw.selectFeature(id);
  }

  /** The geometry on the map now (may differ from the last one reported while a drag is in progress). */
  current(): Geometry | null {
    const feature = this.featureId === null ? undefined : this.draw.getSnapshotFeature(this.featureId);
    return feature ? (feature.geometry as Geometry) : null;
  }

  end(): void {
    this.quiet = true;
    this.featureId = null;
    this.draw.setMode('select');
    this.draw.clear();
    this.draw.setMode('static');
    this.quiet = false;
  }

  destroy(): void {
    this.draw.stop();
  }
}
