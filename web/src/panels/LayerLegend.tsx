import type { ThematicLayer } from '../map/layer-ids.ts';
import { legendEntries, SYMBOLOGY } from '../map/symbology.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

const LEGENDS: Record<ThematicLayer, { colours: Readonly<Record<string, string>>; shape: 'dot' | 'line' | 'area' }> = {
  key_targets: { colours: SYMBOLOGY.keyTargetColours, shape: 'area' },
  cable_routes: { colours: SYMBOLOGY.ownerColours, shape: 'line' },
  facilities: { colours: SYMBOLOGY.facilityColours, shape: 'dot' },
  bts_sites: { colours: SYMBOLOGY.ownerColours, shape: 'dot' },
  scrap_dealers: { colours: SYMBOLOGY.inspectionColours, shape: 'dot' },
  service_agents: { colours: SYMBOLOGY.inspectionColours, shape: 'dot' },
  incidents: { colours: SYMBOLOGY.incidentColours, shape: 'dot' },
  police_stations: { colours: { police_stations: SYMBOLOGY.policeStationColour }, shape: 'dot' },
};

/** The legend of one thematic layer, drawn from the same symbology config as the map. */
export function LayerLegend({ layer }: { layer: ThematicLayer }) {
  const { language, t } = useLanguage();
  const { colours, shape } = LEGENDS[layer];
  return (
    <ul className="legend">
      {legendEntries(colours).map(({ code, colour }) => (
        <li key={code}>
          <span className={`swatch swatch-${shape}`} style={{ background: colour, borderColor: colour }} />
          {vocabularyLabel(code, language)}
        </li>
      ))}
      {layer === 'cable_routes' && (
        <>
          <li><span className="swatch swatch-line swatch-dashed" />{t('planned')}</li>
          <li><span className="swatch swatch-line" style={{ background: SYMBOLOGY.retiredColour }} />{t('retired')}</li>
        </>
      )}
      {layer === 'bts_sites' && <li><span className="swatch swatch-cluster">12</span>{t('clusterHint')}</li>}
    </ul>
  );
}
